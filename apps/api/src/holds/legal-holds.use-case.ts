import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LegalHoldRepository, type Db } from '@casework/database';
import { decideHoldPlacement, DomainError, type LegalHold } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';
import { ContactsUseCase } from '../workspace/contacts.use-case.js';

export interface HoldOutcome {
  hold: LegalHold;
  /** The queue of the held ticket (null: a person's hold), for the audit event. */
  queueId: string | null;
}

/**
 * Placing, listing and releasing legal holds. A hold is placed under the row lock of what it
 * protects (see LegalHoldRepository), so a purge or erasure running at the same moment either
 * finishes first (the hold is refused: nothing left) or sees the hold.
 */
@Injectable()
export class LegalHoldsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(LegalHoldRepository) private readonly holds: LegalHoldRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(ContactsUseCase) private readonly contacts: ContactsUseCase,
  ) {}

  async placeOnTicket(caller: Caller, ticketId: string, reason: string, until: Date | null): Promise<HoldOutcome> {
    if (!isUuid(ticketId)) throw DomainError.ticketNotFound(ticketId);
    const scope = await this.access.scopeOf(caller);
    return this.unitOfWork.run(async (tx) => {
      const ticket = await this.holds.lockTicket(tx, ticketId);
      if (!ticket) throw DomainError.ticketNotFound(ticketId);
      // Seeing the ticket is enough (its metadata names the case); a hidden one is 404.
      scope.require(ticket, 'read');
      decideHoldPlacement({ ticket, until, now: new Date() });
      return { hold: await this.holds.place(tx, { ticketId, contactId: null, reason, until, createdById: caller.userId }), queueId: ticket.queueId };
    });
  }

  async placeOnContact(caller: Caller, contactId: string, reason: string, until: Date | null): Promise<HoldOutcome> {
    // A person exists for a caller who reads one of their tickets in full (404 otherwise).
    await this.contacts.get(caller, contactId);
    return this.unitOfWork.run(async (tx) => {
      if (!(await this.holds.lockContact(tx, contactId))) throw DomainError.contactNotFound(contactId);
      decideHoldPlacement({ until, now: new Date() });
      return { hold: await this.holds.place(tx, { ticketId: null, contactId, reason, until, createdById: caller.userId }), queueId: null };
    });
  }

  async list(caller: Caller, filter: { ticketId?: string; contactId?: string; includeInactive: boolean }): Promise<LegalHold[]> {
    const queueIds = (await this.access.scopeOf(caller)).visibleQueueIds('metadata');
    return this.holds.list(this.db, { ...filter, queueIds });
  }

  async get(caller: Caller, id: string): Promise<HoldOutcome> {
    const found = isUuid(id) ? await this.holds.find(this.db, id) : null;
    if (!found || !(await this.visible(caller, found.queueId))) throw notFound(id);
    return found;
  }

  async release(caller: Caller, id: string): Promise<HoldOutcome> {
    if (!isUuid(id)) throw notFound(id);
    return this.unitOfWork.run(async (tx) => {
      const found = await this.holds.find(tx, id, { forUpdate: true });
      if (!found || !(await this.visible(caller, found.queueId))) throw notFound(id);
      if (found.hold.releasedAt) return found;
      return { hold: await this.holds.release(tx, id, caller.userId), queueId: found.queueId };
    });
  }

  /** A ticket's hold is seen by who sees the ticket; a person's by everyone who manages holds. */
  private async visible(caller: Caller, queueId: string | null): Promise<boolean> {
    return queueId === null || (await this.access.scopeOf(caller)).of(queueId).view !== 'none';
  }
}

function notFound(id: string): DomainError {
  return new DomainError('HoldNotFound', `hold ${JSON.stringify(id.slice(0, 64))} not found`);
}
