import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { NotificationSettings } from '@casework/config';
import { RetentionPurge, type PurgeReport } from '@casework/database';
import { PeriodicTask } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';

/** The first run after start: a process restarted more often than daily still purges. */
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * Runs retention's purge (libs/database RetentionPurge) every RETENTION_PURGE_INTERVAL_MINUTES,
 * and once a minute after start. Only a scheduler: the purge itself is replica-safe (SKIP LOCKED
 * batches), so every notification replica may run it.
 */
@Injectable()
export class RetentionSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly purge: RetentionPurge;
  private readonly task: PeriodicTask | null;
  private firstRun: NodeJS.Timeout | null = null;
  private running: Promise<PurgeReport> | null = null;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.purge = new RetentionPurge(dataSource, logger);
    const minutes = settings.RETENTION_PURGE_INTERVAL_MINUTES;
    this.task = minutes > 0 ? new PeriodicTask('retention purge', minutes * 60_000, () => this.runOnce(), logger) : null;
  }

  onApplicationBootstrap(): void {
    if (!this.task) return;
    this.task.start();
    this.firstRun = setTimeout(() => {
      this.runOnce().catch((error: unknown) => this.logger.warn({ err: error, task: 'retention purge' }, 'retention purge failed'));
    }, FIRST_RUN_DELAY_MS);
    this.firstRun.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.firstRun) clearTimeout(this.firstRun);
    await this.task?.stop();
    await this.running?.catch(() => undefined);
  }

  /** One purge at a time in this process (a tick during a long purge joins it). */
  private runOnce(): Promise<PurgeReport> {
    this.running ??= this.purge.purgeDue(new Date()).finally(() => (this.running = null));
    return this.running;
  }
}
