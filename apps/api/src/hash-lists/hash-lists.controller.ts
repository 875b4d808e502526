import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { HashListRepository } from '@casework/database';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { isUuid } from '../common/uuid.util.js';
import { CreateHashListDto, HashListDto, HashListListDto, HashListUploadDto, HashValuesDto } from './dto/hash-list.dto.js';
import { HashListErrors } from './hash-list.errors.js';
import { auditedUpload, toHashListDto, toHashListUploadDto } from './hash-list.mapper.js';
import { UploadHashValuesUseCase } from './upload-hash-values.use-case.js';

@ApiTags('hash-lists')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Admins only (hash-lists:manage)' })
@Controller('hash-lists')
export class HashListsController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(HashListRepository) private readonly lists: HashListRepository,
    @Inject(UploadHashValuesUseCase) private readonly upload: UploadHashValuesUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'A hash list of known abuse material (SHA-256 / MD5, e.g. a hotline’s): every attachment routed from now on is checked against it; stored mail it matches is blocked at once' })
  @ApiCreatedResponse({ type: HashListUploadDto })
  @ApiBadRequestResponse({ type: ValidationErrorResponseDto, description: 'Names the bad value: `entries.<index>` or `text`, with its 1-based entry or line and the value (cut to 40 characters)' })
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateHashListDto): Promise<HashListUploadDto> {
    const upload = await this.upload.create(caller, body);
    noteChange({ subject: `hash_list:${upload.list.id}`, ...auditedUpload(upload) });
    return toHashListUploadDto(upload);
  }

  @Post(':id/entries')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Add values to a list (the same forms as a create); stored mail they match is blocked at once' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: HashListUploadDto })
  @ApiBadRequestResponse({ type: ValidationErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async append(@Param('id') id: string, @Body() body: HashValuesDto): Promise<HashListUploadDto> {
    const upload = await this.upload.append(id, body);
    noteChange(auditedUpload(upload));
    return toHashListUploadDto(upload);
  }

  @Get()
  @ApiOperation({ summary: 'The hash lists, oldest first, with their counts (never their values)' })
  @ApiOkResponse({ type: HashListListDto })
  async list(): Promise<HashListListDto> {
    return { items: (await this.lists.list(this.db)).map(toHashListDto) };
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: HashListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id') id: string): Promise<HashListDto> {
    const list = isUuid(id) ? await this.lists.find(this.db, id) : null;
    if (!list) throw HashListErrors.notFound(id);
    return toHashListDto(list);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a list and its values: later mail is no longer checked against them; attachments it blocked stay blocked' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id') id: string): Promise<void> {
    const deleted = isUuid(id) ? await this.lists.delete(this.db, id) : null;
    if (!deleted) throw HashListErrors.notFound(id);
    noteChange({ details: { name: deleted.name, source: deleted.source, counts: deleted.counts } });
  }
}
