import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Subjects, type EventEnvelope, type TicketPresenceV1 } from '@casework/contracts';
import { PresenceRepository, TicketReadRepository, type PresenceState } from '@casework/database';
import { DomainError } from '@casework/domain';
import { JetStreamPublisher, PeriodicTask } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';
import { LIVE_OPTIONS, type LiveOptions } from './live-options.js';

/**
 * Presence heartbeats in Postgres (every replica sees them; the ticket detail joins them) and
 * their changes on `casework.ticket.presence`, published directly: presence is ephemeral, so a
 * change lost to a NATS hiccup is not worth an outbox row, and the next heartbeat (or the
 * detail) tells the truth again. Every replica sweeps expired rows; a row goes to one sweeper.
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sweep: PeriodicTask;
  private readonly log: Logger;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PresenceRepository) private readonly presence: PresenceRepository,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(JetStreamPublisher) private readonly publisher: JetStreamPublisher,
    @Inject(LIVE_OPTIONS) private readonly options: LiveOptions,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'presence' });
    // A third of the lifetime, so an expiry is announced at most a third late (capped at 5 s).
    const sweepMs = Math.min(5000, Math.max(250, Math.floor((options.presenceTtlSeconds * 1000) / 3)));
    this.sweep = new PeriodicTask('presence-expiry', sweepMs, () => this.expire(), this.log);
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }

  /**
   * One heartbeat: needs read access (the metadata view is enough). The ticket rule is the
   * scope's own, without noting a restricted read: a heartbeat answers nothing of the ticket,
   * and the detail the viewer loaded was audited when it was read.
   */
  async beat(caller: Caller, ticketId: string, state: PresenceState): Promise<void> {
    const [placement, scope] = await Promise.all([isUuid(ticketId) ? this.tickets.placement(this.db, ticketId) : null, this.access.scopeOf(caller)]);
    if (!placement) throw DomainError.ticketNotFound(ticketId);
    scope.require(placement, 'read');
    const { changed, since } = await this.presence.beat(this.db, { ticketId, userId: caller.userId, state, ttlSeconds: this.options.presenceTtlSeconds });
    if (changed) await this.announce({ ticketId, queueId: placement.queueId, userId: caller.userId, state, since: since.toISOString() });
  }

  private async expire(): Promise<void> {
    const gone = await this.presence.sweepExpired(this.db);
    const now = new Date().toISOString();
    for (const presence of gone) await this.announce({ ...presence, state: 'gone', since: now });
  }

  private async announce(data: TicketPresenceV1): Promise<void> {
    const envelope: EventEnvelope<typeof Subjects.TicketPresence> = { id: randomUUID(), subject: Subjects.TicketPresence, version: 1, occurredAt: new Date().toISOString(), data };
    try {
      await this.publisher.publish(envelope);
    } catch (error) {
      this.log.warn({ err: error, ticketId: data.ticketId }, 'presence change not published (NATS unavailable); the ticket detail still shows it');
    }
  }
}
