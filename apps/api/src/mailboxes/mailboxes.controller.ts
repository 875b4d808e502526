import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { CreateMailboxUseCase } from './create-mailbox.use-case.js';
import { DeleteMailboxUseCase } from './delete-mailbox.use-case.js';
import { CreateMailboxDto } from './dto/create-mailbox.dto.js';
import { MailboxStatusDto } from './dto/mailbox-status.dto.js';
import { MailboxDto, MailboxListDto } from './dto/mailbox.dto.js';
import { UpdateMailboxDto } from './dto/update-mailbox.dto.js';
import { GetMailboxStatusUseCase } from './get-mailbox-status.use-case.js';
import { GetMailboxUseCase } from './get-mailbox.use-case.js';
import { ListMailboxesUseCase } from './list-mailboxes.use-case.js';
import { toMailboxDto, toMailboxStatusDto } from './mailbox.mapper.js';
import { UpdateMailboxUseCase } from './update-mailbox.use-case.js';

@ApiTags('mailboxes')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('mailboxes')
export class MailboxesController {
  constructor(
    @Inject(ListMailboxesUseCase) private readonly listMailboxes: ListMailboxesUseCase,
    @Inject(GetMailboxUseCase) private readonly getMailbox: GetMailboxUseCase,
    @Inject(CreateMailboxUseCase) private readonly createMailbox: CreateMailboxUseCase,
    @Inject(UpdateMailboxUseCase) private readonly updateMailbox: UpdateMailboxUseCase,
    @Inject(DeleteMailboxUseCase) private readonly deleteMailbox: DeleteMailboxUseCase,
    @Inject(GetMailboxStatusUseCase) private readonly getStatus: GetMailboxStatusUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'IMAP mailboxes ingest watches, oldest first (never their passwords)' })
  @ApiOkResponse({ type: MailboxListDto })
  async list(): Promise<MailboxListDto> {
    return { items: (await this.listMailboxes.execute()).map(toMailboxDto) };
  }

  @Post()
  @ApiOperation({ summary: 'Register an IMAP mailbox; an ingest replica picks it up within one scan (~5 s)' })
  @ApiCreatedResponse({ type: MailboxDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A mailbox with this host, port, user and folder exists' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'MAILBOX_SECRET_KEY is not set on the API' })
  async create(@Body() body: CreateMailboxDto): Promise<MailboxDto> {
    return toMailboxDto(await this.createMailbox.execute(body));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One mailbox' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MailboxDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id') id: string): Promise<MailboxDto> {
    return toMailboxDto(await this.getMailbox.execute(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a mailbox; its holder restarts with the new settings (or lets go when disabled)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MailboxDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'A password was given and MAILBOX_SECRET_KEY is not set on the API' })
  async update(@Param('id') id: string, @Body() body: UpdateMailboxDto): Promise<MailboxDto> {
    return toMailboxDto(await this.updateMailbox.execute(id, body));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stop watching a mailbox and forget its password (stored mail stays)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id') id: string): Promise<void> {
    await this.deleteMailbox.execute(id);
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Which ingest replica holds the mailbox, its state, lag and last error' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MailboxStatusDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async status(@Param('id') id: string): Promise<MailboxStatusDto> {
    return toMailboxStatusDto(await this.getStatus.execute(id));
  }
}
