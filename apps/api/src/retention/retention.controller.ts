import { Controller, Delete, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RetentionRepository, TicketReadRepository } from '@casework/database';
import { DomainError } from '@casework/domain';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { TicketDto } from '../tickets/dto/ticket.dto.js';
import { toTicketDto } from '../tickets/ticket.mapper.js';
import { DeleteTicketUseCase } from './delete-ticket.use-case.js';
import { EraseContactUseCase } from './erase-contact.use-case.js';
import { ErasureDto, RetentionForecastDto } from './retention.dto.js';

const FORECAST_LIMIT = 1000;

/**
 * Deletion, erasure and retention's dry-run (admin). Their audit events carry counts and ids
 * only: never a subject, an address or a body of what was removed.
 */
@ApiTags('retention')
@Controller()
export class RetentionController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeleteTicketUseCase) private readonly deletion: DeleteTicketUseCase,
    @Inject(EraseContactUseCase) private readonly erasure: EraseContactUseCase,
    @Inject(RetentionRepository) private readonly retention: RetentionRepository,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
  ) {}

  @Delete('tickets/:id')
  @ApiOperation({ summary: "Delete a ticket's content now, as retention would: only its tombstone (number, dates, queue, status, counts and hashes) is left" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDto, description: 'The tombstone' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LegalHoldActive (naming the holds in `holds`), or TicketPurged: already deleted' })
  async delete(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TicketDto> {
    const { queueId, counts } = await this.deletion.execute(caller, id);
    noteChange({ queueId, details: { reason: 'deletion', ...counts } });
    const tombstone = await this.tickets.find(this.db, id);
    if (!tombstone) throw DomainError.ticketNotFound(id);
    return toTicketDto(tombstone);
  }

  @Post('contacts/:id/erase')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Erase a person: their mail, names and addresses everywhere (their tickets become tombstones); refused whole while a hold applies' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ErasureDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LegalHoldActive: a hold on the person or on a ticket naming them; `holds` lists them and nothing changed' })
  async erase(@Param('id') id: string): Promise<ErasureDto> {
    const report = await this.erasure.execute(id);
    const { contactId, erasedAt, ...counts } = report;
    noteChange({ subject: `contact:${contactId}`, details: { contactId, ...counts } });
    return { ...report, erasedAt: erasedAt.toISOString() };
  }

  @Post('retention/dry-run')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'What a retention purge now would take, per queue and ticket; changes nothing' })
  @ApiOkResponse({ type: RetentionForecastDto })
  async dryRun(): Promise<RetentionForecastDto> {
    const asOf = new Date();
    const forecast = await this.retention.forecast(this.db, asOf, FORECAST_LIMIT);
    return { asOf: asOf.toISOString(), queues: forecast.queues, tickets: forecast.tickets.map((t) => ({ ...t, closedAt: t.closedAt.toISOString() })) };
  }
}
