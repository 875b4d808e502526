import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketReadRepository } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';

const MAX_ENTRIES = 10_000;
// A safety net only: a move (not-spam, merge) announces the new queue, which evicts at once.
const TTL_MS = 30_000;

interface Waiter {
  resolve: (queueId: string | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Each ticket's current queue, for events that do not name it. Every open stream asks about the
 * same event at the same moment, so the asks of one turn of the event loop become one query;
 * answers are cached by ticket id and dropped when an event shows the ticket in another queue.
 */
@Injectable()
export class TicketPlacements {
  private readonly cache = new Map<string, { queueId: string; until: number }>();
  private readonly inFlight = new Map<string, Promise<string | null>>();
  private waiting = new Map<string, Waiter>();
  /** Moves seen so far: a look-up that overlapped one is answered but not cached (it may predate the move). */
  private moves = 0;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
  ) {}

  /** The ticket's queue; null: no such ticket. */
  queueOf(ticketId: string): Promise<string | null> {
    const hit = this.cache.get(ticketId);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.queueId);
    if (!isUuid(ticketId)) return Promise.resolve(null);
    const pending = this.inFlight.get(ticketId);
    if (pending) return pending;
    const asked = new Promise<string | null>((resolve, reject) => this.waiting.set(ticketId, { resolve, reject }));
    this.inFlight.set(ticketId, asked);
    if (this.waiting.size === 1) setImmediate(() => void this.flush());
    return asked;
  }

  /** An event placed the ticket in this queue: a cached other queue is stale. */
  observed(ticketId: string, queueId: string): void {
    const hit = this.cache.get(ticketId);
    if (hit && hit.queueId === queueId) return;
    this.cache.delete(ticketId);
    this.moves++;
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    const movesBefore = this.moves;
    try {
      const found = await this.tickets.placements(this.db, [...batch.keys()]);
      const cacheable = this.moves === movesBefore;
      for (const [ticketId, waiter] of batch) {
        const queueId = found.get(ticketId) ?? null;
        if (queueId && cacheable) this.remember(ticketId, queueId);
        this.inFlight.delete(ticketId);
        waiter.resolve(queueId);
      }
    } catch (error) {
      for (const [ticketId, waiter] of batch) {
        this.inFlight.delete(ticketId);
        waiter.reject(error);
      }
    }
  }

  private remember(ticketId: string, queueId: string): void {
    this.cache.delete(ticketId);
    this.cache.set(ticketId, { queueId, until: Date.now() + TTL_MS });
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
  }
}
