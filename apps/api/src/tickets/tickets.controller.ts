import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { ChangeTicketStatusUseCase } from './change-ticket-status.use-case.js';
import { ChangeStatusDto } from './dto/change-status.dto.js';
import { DEFAULT_PAGE_LIMIT } from '../common/page-query.dto.js';
import { ListTicketsQueryDto } from './dto/list-tickets-query.dto.js';
import { CreateReplyDto, ReplyAcceptedDto } from './dto/reply.dto.js';
import { TicketDetailDto } from './dto/ticket-detail.dto.js';
import { TicketDto, TicketPageDto } from './dto/ticket.dto.js';
import { GetTicketUseCase } from './get-ticket.use-case.js';
import { ListTicketsUseCase } from './list-tickets.use-case.js';
import { ReplyToTicketUseCase } from './reply-to-ticket.use-case.js';
import { toTicketDetailDto, toTicketDto, toTicketPageDto } from './ticket.mapper.js';

@ApiTags('tickets')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('tickets')
export class TicketsController {
  constructor(
    @Inject(ListTicketsUseCase) private readonly listTickets: ListTicketsUseCase,
    @Inject(GetTicketUseCase) private readonly getTicket: GetTicketUseCase,
    @Inject(ReplyToTicketUseCase) private readonly replyToTicket: ReplyToTicketUseCase,
    @Inject(ChangeTicketStatusUseCase) private readonly changeStatus: ChangeTicketStatusUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tickets, newest first, keyset-paginated' })
  @ApiOkResponse({ type: TicketPageDto })
  async list(@Query() query: ListTicketsQueryDto): Promise<TicketPageDto> {
    const page = await this.listTickets.execute({
      status: query.status,
      queueSlug: query.queue,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return toTicketPageDto(page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket with its articles, oldest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id') id: string): Promise<TicketDetailDto> {
    return toTicketDetailDto(await this.getTicket.execute(id));
  }

  @Post(':id/replies')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Queue a reply to the requester' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: ReplyAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async reply(@Param('id') id: string, @Body() reply: CreateReplyDto): Promise<ReplyAcceptedDto> {
    const { outboundId } = await this.replyToTicket.execute(id, reply.body);
    return { outboundId };
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a ticket's status and/or priority (emergency pages whoever is on call)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async update(@Param('id') id: string, @Body() change: ChangeStatusDto): Promise<TicketDto> {
    return toTicketDto(await this.changeStatus.execute(id, change.status, change.priority));
  }
}
