import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactReadRepository, type ContactRecord, type Db } from '@casework/database';
import { DomainError } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';

/**
 * A requester, as the specialists who answer them see them: a person is shown only to a caller
 * who reads at least one of their tickets in full (their address is content); to anyone else
 * they do not exist (404), as a hidden ticket.
 */
@Injectable()
export class ContactsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(ContactReadRepository) private readonly contacts: ContactReadRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async get(caller: Caller, id: string): Promise<ContactRecord & { ticketCount: number }> {
    const [contact, counts, scope] = isUuid(id)
      ? await Promise.all([this.contacts.find(this.db, id), this.contacts.ticketCounts(this.db, id), this.access.scopeOf(caller)])
      : [null, [], null];
    if (!contact || !scope) throw DomainError.contactNotFound(id);
    const ticketCount = counts.filter((c) => scope.of(c.queueId).view === 'full').reduce((sum, c) => sum + c.count, 0);
    if (ticketCount === 0) throw DomainError.contactNotFound(id);
    return { ...contact, ticketCount };
  }
}
