import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { hasCapability } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
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
import { MarkNotSpamUseCase } from './mark-not-spam.use-case.js';
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
    @Inject(MarkNotSpamUseCase) private readonly markNotSpam: MarkNotSpamUseCase,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tickets, filtered and sorted (newest created first by default), keyset-paginated' })
  @ApiOkResponse({ type: TicketPageDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListTicketsQueryDto): Promise<TicketPageDto> {
    const page = await this.listTickets.execute(caller, { ...query, limit: query.limit ?? DEFAULT_PAGE_LIMIT });
    return toTicketPageDto(page, (ticket) => (page.scope.of(ticket.queue.id).view === 'metadata' ? 'metadata' : 'full'));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket with its articles, oldest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TicketDetailDto> {
    const detail = await this.getTicket.execute(caller, id);
    return toTicketDetailDto(detail, detail.view);
  }

  @Post(':id/replies')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "Queue a reply to the requester: a text as written, or a template in the writer's language; cc and attachments (≤ 10 MB) optional" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: ReplyAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'The attachments weigh more than 10 MB decoded' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: "The requester's address is not one mail can be sent to; nothing was queued" })
  async reply(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() reply: CreateReplyDto): Promise<ReplyAcceptedDto> {
    const { queueId } = await this.access.requireTicket(caller, id, 'write');
    const queued = await this.replyToTicket.execute(id, reply, caller.userId);
    // What was sent, never its text or files.
    const fields = (['body', 'templateKey', 'locale', 'cc', 'attachments'] as const).filter((field) => reply[field] !== undefined);
    noteChange({ queueId, details: { fields, templateKey: reply.templateKey ?? null, locale: queued.locale, cc: reply.cc?.length ?? 0, attachments: reply.attachments?.length ?? 0 } });
    return queued;
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a ticket's status, priority and/or assignee (emergency pages whoever is on call; only a lead reopens a closed ticket)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async update(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() change: ChangeStatusDto): Promise<TicketDto> {
    const { queueId } = await this.access.requireTicket(caller, id, 'write');
    const assign = change.assigneeId === undefined ? undefined : { caller, assigneeId: change.assigneeId };
    const { before, after } = await this.changeStatus.execute(id, caller.userId, change.status, change.priority, hasCapability(caller.role, 'tickets:override') ? 'lead' : 'team', assign);
    const assignee = before.assigneeId !== undefined ? { before: before.assigneeId, after: change.assigneeId ?? null } : null;
    noteChange({ queueId, details: { status: { before: before.status, after: after.status }, priority: { before: before.priority, after: after.priority }, ...(assignee ? { assignee } : {}) } });
    return toTicketDto(after);
  }

  @Post(':id/not-spam')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take a ticket out of the spam queue, back to the queue it would have had; its held-back acknowledgement is sent then' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'TicketNotInSpam: the ticket is not in the spam queue' })
  async notSpam(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TicketDto> {
    await this.access.requireTicket(caller, id, 'write');
    const { fromQueueId, toQueueId, ticket } = await this.markNotSpam.execute(id, caller.userId);
    noteChange({ queueId: toQueueId, details: { queue: { before: fromQueueId, after: toQueueId } } });
    return toTicketDto(ticket);
  }
}
