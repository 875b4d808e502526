import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketHistoryRepository, type HistoryEntryWithActor } from '@casework/database';
import { CONTENT_FREE_HISTORY_KINDS } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';

/** Kinds a metadata view sees in full (libs/domain: the ones a removal keeps too). */
const CONTENT_FREE_KINDS: ReadonlySet<string> = new Set(CONTENT_FREE_HISTORY_KINDS);

export interface HistoryItem {
  entry: HistoryEntryWithActor;
  details: Record<string, unknown> | null;
}

/** A ticket's history, oldest first, as the caller may see it. */
@Injectable()
export class TicketHistoryUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
  ) {}

  async execute(caller: Caller, ticketId: string): Promise<HistoryItem[]> {
    const { access } = await this.access.requireTicket(caller, ticketId, 'read');
    const entries = await this.history.forTicketWithActors(this.db, ticketId);
    const full = access.view === 'full';
    return entries.map((entry) => ({ entry, details: full || CONTENT_FREE_KINDS.has(entry.kind) ? entry.details : null }));
  }
}
