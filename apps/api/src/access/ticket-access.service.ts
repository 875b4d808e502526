import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueGrantRepository } from '@casework/database';
import { DomainError, ticketAccess, NO_TICKET_ACCESS, type TicketAccess } from '@casework/domain';
import type { Caller } from '../auth/caller.js';

/** One caller's access to every queue, from one small query; asked per request. */
export class TicketScope {
  constructor(private readonly byQueue: ReadonlyMap<string, TicketAccess & { restricted: boolean }>) {}

  of(queueId: string): TicketAccess {
    return this.byQueue.get(queueId) ?? NO_TICKET_ACCESS;
  }

  isRestricted(queueId: string): boolean {
    return this.byQueue.get(queueId)?.restricted ?? false;
  }

  /** Queues whose tickets the caller sees at all (`metadata`) or in full; null = every queue. */
  visibleQueueIds(view: 'metadata' | 'full' = 'metadata'): string[] | null {
    const visible = [...this.byQueue].filter(([, access]) => access.view === 'full' || (view === 'metadata' && access.view === 'metadata'));
    return visible.length === this.byQueue.size ? null : visible.map(([id]) => id);
  }

  /**
   * The ticket rule on one ticket: a ticket the caller may not see does not exist (404, as an
   * unknown id); one they see but may not use this way answers 403 naming the missing right.
   */
  require(ticket: { id: string; queueId: string }, need: 'read' | 'content' | 'write'): TicketAccess {
    const access = this.of(ticket.queueId);
    if (access.view === 'none') throw DomainError.ticketNotFound(ticket.id);
    if (need === 'content' && access.view !== 'full') throw DomainError.forbidden('ticket content (a grant on its queue)');
    if (need === 'write' && !access.write) throw DomainError.forbidden('ticket write (a write grant on its queue)');
    return access;
  }
}

/** Loads the facts the domain's access rule needs and hands back the caller's scope. */
@Injectable()
export class TicketAccessService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QueueGrantRepository) private readonly grants: QueueGrantRepository,
  ) {}

  async scopeOf(caller: Caller): Promise<TicketScope> {
    const facts = await this.grants.factsFor(this.db, caller.userId);
    return new TicketScope(new Map(facts.map((f) => [f.queueId, { ...ticketAccess(caller.role, f, f.grant), restricted: f.restricted }])));
  }
}
