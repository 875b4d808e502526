import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { RoutingSettings } from '@casework/config';
import { Subjects } from '@casework/contracts';
import { RawMessageRepository } from '@casework/database';
import { PeriodicTask, UnitOfWork } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { ROUTING_SETTINGS } from './routing.tokens.js';

const BATCH = 500;

/**
 * Postgres is the truth, JetStream the fast path: a raw message still waiting for routing
 * after the grace period gets its `mail.received` again, so a NATS that lost an
 * acknowledged write (or an outbox row lost to a crash) loses no mail. A re-emit of a mail
 * routed meanwhile is harmless: routing only takes raw messages still `received`.
 */
@Injectable()
export class RawMessageReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
  ) {
    this.task = new PeriodicTask('raw message reconciler', settings.RECONCILE_INTERVAL_MS, () => this.reconcile(), logger);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Re-emits one batch of stalled raw messages; returns how many. */
  async reconcile(): Promise<number> {
    const count = await this.unitOfWork.run(async (tx, emit) => {
      const stalled = await this.rawMessages.claimStalled(tx, this.settings.RECONCILE_GRACE_MS, BATCH);
      for (const raw of stalled) await emit(Subjects.MailReceived, { rawMessageId: raw.id, mailboxId: raw.mailboxId });
      return stalled.length;
    });
    if (count > 0) this.logger.warn({ reemitted: count }, 'raw messages not routed within the grace period: events re-emitted');
    return count;
  }
}
