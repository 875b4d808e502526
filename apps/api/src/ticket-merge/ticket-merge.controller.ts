import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { TicketDto } from '../tickets/dto/ticket.dto.js';
import { toTicketDto } from '../tickets/ticket.mapper.js';
import { MergeTicketDto, SplitTicketDto } from './dto/merge-split.dto.js';
import { TicketHistoryDto } from './dto/ticket-history.dto.js';
import { MergeTicketUseCase } from './merge-ticket.use-case.js';
import { SplitTicketUseCase } from './split-ticket.use-case.js';
import { TicketHistoryUseCase } from './ticket-history.use-case.js';

@ApiTags('tickets')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('tickets')
export class TicketMergeController {
  constructor(
    @Inject(MergeTicketUseCase) private readonly mergeTicket: MergeTicketUseCase,
    @Inject(SplitTicketUseCase) private readonly splitTicket: SplitTicketUseCase,
    @Inject(TicketHistoryUseCase) private readonly ticketHistory: TicketHistoryUseCase,
  ) {}

  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Merge this ticket into another: its articles, notes, attachments and tags move there, it closes and answers mergedInto, its later mail lands on the target" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDto, description: 'The target ticket after the merge' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MergeRefused: into itself, into or from a merged ticket, or into a queue open to more people than the source queue' })
  async merge(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: MergeTicketDto): Promise<TicketDto> {
    const { target, articlesMoved } = await this.mergeTicket.execute(caller, id, body.intoTicketId);
    noteChange({ queueId: target.queue.id, ticketIds: [id, target.id], details: { mergedInto: target.id, articles: articlesMoved } });
    return toTicketDto(target);
  }

  @Post(':id/split')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Split articles off this ticket into a new ticket in the same queue, for the same requester' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: TicketDto, description: 'The new ticket' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async split(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: SplitTicketDto): Promise<TicketDto> {
    const { source, ticket, articleIds } = await this.splitTicket.execute(caller, id, body.articleIds);
    noteChange({ queueId: source.queueId, ticketIds: [id, ticket.id], details: { newTicketId: ticket.id, articles: articleIds.length } });
    return toTicketDto(ticket);
  }

  @Get(':id/history')
  @ApiOperation({ summary: "Every state change of the ticket with its actor and time, oldest first: routing's steps and the team's changes" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketHistoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async history(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TicketHistoryDto> {
    const items = await this.ticketHistory.execute(caller, id);
    return {
      items: items.map(({ entry, details }) => ({ id: entry.id, kind: entry.kind, details, actor: entry.actor, at: entry.createdAt.toISOString() })),
    };
  }
}
