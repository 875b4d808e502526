import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueGrantRepository, TicketReadRepository } from '@casework/database';
import { DomainError, ticketAccess, ticketPurged, NO_TICKET_ACCESS, type TicketAccess } from '@casework/domain';
import { noteRestrictedRawRead, noteRestrictedRead } from '../audit/audit-context.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';

/** One caller's access to every queue, from one small query; asked per request. */
export class TicketScope {
  constructor(private readonly byQueue: ReadonlyMap<string, TicketAccess & { restricted: boolean }>) {}

  of(queueId: string): TicketAccess {
    return this.byQueue.get(queueId) ?? NO_TICKET_ACCESS;
  }

  /** Whether the queue is restricted (need-to-know): its images and videos are never shown unasked. */
  isRestricted(queueId: string): boolean {
    return this.byQueue.get(queueId)?.restricted ?? false;
  }

  /** Whether this caller sees this queue's tickets in full and the queue is restricted: such a read is audited. */
  seesRestrictedContent(queueId: string): boolean {
    return (this.byQueue.get(queueId)?.restricted ?? false) && this.of(queueId).view === 'full';
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
    @Inject(DataSource) protected readonly db: DataSource,
    @Inject(QueueGrantRepository) private readonly grants: QueueGrantRepository,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
  ) {}

  /** Per request (a Caller is made per request): loaded once however often a request asks, and never reused by the next. */
  private readonly scopes = new WeakMap<Caller, Promise<TicketScope>>();

  scopeOf(caller: Caller): Promise<TicketScope> {
    let scope = this.scopes.get(caller);
    if (!scope) {
      scope = this.loadScope(caller);
      this.scopes.set(caller, scope);
    }
    return scope;
  }

  private async loadScope(caller: Caller): Promise<TicketScope> {
    const facts = await this.grants.factsFor(this.db, caller.userId);
    return new TicketScope(new Map(facts.map((f) => [f.queueId, { ...ticketAccess(caller.role, f, f.grant), restricted: f.restricted }])));
  }

  /**
   * The ticket rule on one ticket named by the caller: 404 when it does not exist or is hidden
   * from them, 403 when they see it but lack the right. A read of a restricted queue's ticket
   * content is noted for the audit trail.
   */
  async requireTicket(caller: Caller, ticketId: string, need: 'read' | 'content' | 'write'): Promise<{ access: TicketAccess; queueId: string }> {
    const placement = isUuid(ticketId) ? await this.tickets.placement(this.db, ticketId) : null;
    if (!placement) throw DomainError.ticketNotFound(ticketId);
    const access = await this.requirePlaced(caller, placement, need);
    // A tombstone is kept, not worked on: nothing may be written to it (hidden ones stay 404 above).
    if (need === 'write' && placement.purgedAt) throw ticketPurged(ticketId);
    return { access, queueId: placement.queueId };
  }

  /** requireTicket for a ticket the caller has already loaded (its id and queue). */
  async requirePlaced(caller: Caller, ticket: { id: string; queueId: string }, need: 'read' | 'content' | 'write'): Promise<TicketAccess> {
    const scope = await this.scopeOf(caller);
    const access = scope.require(ticket, need);
    if (need !== 'write' && scope.seesRestrictedContent(ticket.queueId)) noteRestrictedRead([ticket]);
    return access;
  }

  /**
   * The rule on a stored message's bytes (quarantined, or inspected by a dry-run): they follow
   * their queue's ticket rule, the ticket's queue when routed, else its mailbox's. One the caller
   * may not read throws `notFound()` (404, as an unknown id); unless `noteRead` is false (a
   * change, audited as such), a read of a restricted queue's is noted for the audit trail: as
   * its ticket's read, else as a raw read. A message of no queue follows the route's rule alone.
   */
  async requireMessageContent(
    caller: Caller,
    message: { rawMessageId: string; queueId: string | null; ticket?: { id: string; queueId: string } | null },
    notFound: () => Error,
    { noteRead = true }: { noteRead?: boolean } = {},
  ): Promise<void> {
    const queueId = message.ticket?.queueId ?? message.queueId;
    if (!queueId) return;
    const scope = await this.scopeOf(caller);
    if (scope.of(queueId).view !== 'full') throw notFound();
    if (!noteRead || !scope.seesRestrictedContent(queueId)) return;
    if (message.ticket) noteRestrictedRead([message.ticket]);
    else noteRestrictedRawRead(message.rawMessageId, queueId);
  }

  /** Notes, for the audit trail, the listed tickets whose content comes from restricted queues. */
  noteListed(scope: TicketScope, tickets: { id: string; queueId: string }[]): void {
    noteRestrictedRead(tickets.filter((t) => scope.seesRestrictedContent(t.queueId)));
  }
}
