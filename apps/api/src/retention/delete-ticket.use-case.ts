import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LegalHoldRepository, TicketContentRepository, type RemovalCounts } from '@casework/database';
import { decideDeletion, DomainError } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';

export interface DeletedTicket {
  queueId: string;
  counts: RemovalCounts;
}

/**
 * An admin deletes a ticket's content now: exactly what retention's purge does to a due ticket
 * (TicketContentRepository.removeTickets, under the ticket's row lock and its holds re-read under
 * LegalHoldRepository's protocol), leaving the tombstone. A held ticket is refused naming its
 * holds; a tombstone answers 409 TicketPurged.
 */
@Injectable()
export class DeleteTicketUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(LegalHoldRepository) private readonly holds: LegalHoldRepository,
    @Inject(TicketContentRepository) private readonly content: TicketContentRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, ticketId: string): Promise<DeletedTicket> {
    if (!isUuid(ticketId)) throw DomainError.ticketNotFound(ticketId);
    const scope = await this.access.scopeOf(caller);
    return this.db.transaction(async (tx) => {
      const ticket = await this.holds.lockTicket(tx, ticketId);
      if (!ticket) throw DomainError.ticketNotFound(ticketId);
      // A ticket the caller cannot see is 404, as everywhere.
      scope.require(ticket, 'read');
      const held = await this.holds.lockHoldsOfTickets(tx, [ticketId]);
      decideDeletion({ id: ticketId, purgedAt: ticket.purgedAt }, held.get(ticketId) ?? [], new Date());
      const { counts } = await this.content.removeTickets(tx, [ticketId], 'deletion');
      return { queueId: ticket.queueId, counts };
    });
  }
}
