import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { TriageReviewRepository, type Db } from '@casework/database';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { DismissTriageUseCase } from './dismiss-triage.use-case.js';
import { DismissTriageDto, TriageStatsDto } from './triage.dto.js';

/** Specialists' verdicts on triage, and the counts ops and leads tune the lexicons by. */
@ApiTags('triage')
@Controller()
export class TriageController {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(DismissTriageUseCase) private readonly dismissal: DismissTriageUseCase,
    @Inject(TriageReviewRepository) private readonly reviews: TriageReviewRepository,
  ) {}

  @Post('tickets/:id/triage/dismiss')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Dismiss a triage category as a false positive: counted, lowers nothing already raised or paged' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'TriageNotDismissable: triage did not raise it here, or it is already dismissed' })
  async dismiss(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: DismissTriageDto): Promise<void> {
    await this.access.requireTicket(caller, id, 'write');
    const { queueId, level } = await this.dismissal.execute(caller, id, body.category, body.reason);
    // The reason is the specialist's words about the case: kept with the dismissal, not in the trail.
    noteChange({ queueId, details: { category: body.category, level } });
  }

  @Get('triage/stats')
  @ApiOperation({ summary: 'Per category × language: tickets raised, paged and dismissed (over the queues the caller sees)' })
  @ApiOkResponse({ type: TriageStatsDto })
  async stats(@CurrentCaller() caller: Caller): Promise<TriageStatsDto> {
    const visible = (await this.access.scopeOf(caller)).visibleQueueIds('metadata');
    if (visible?.length === 0) return { items: [] };
    return { items: await this.reviews.stats(this.db, visible) };
  }
}
