import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { NotificationSettings } from '@casework/config';
import { NotificationRepository } from '@casework/database';
import { SmtpMailer } from '@casework/mail';
import { PeriodicTask } from '@casework/messaging';
import { LOGGER, notificationFailures } from '@casework/observability';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';

const MAX_ATTEMPTS = 10;
const RETRY_SWEEP_MS = 5000;

/** Sends queued ops notices by email, once each, retrying with backoff. */
@Injectable()
export class OpsNotifierService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly retries: PeriodicTask;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NotificationRepository) private readonly notifications: NotificationRepository,
    @Inject(SmtpMailer) private readonly mailer: SmtpMailer,
  ) {
    this.retries = new PeriodicTask('ops notification retry sweep', RETRY_SWEEP_MS, () => this.retryDue(), logger);
  }

  onApplicationBootstrap(): void {
    this.retries.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.retries.stop();
    this.mailer.close();
  }

  async send(notificationId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const notice = await this.notifications.lockQueued(tx, notificationId);
      if (!notice) return;
      try {
        await this.mailer.send({
          from: this.settings.MAIL_FROM,
          to: { email: notice.recipient, name: null },
          subject: notice.subject,
          text: notice.body,
          messageId: notice.messageId,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        await this.notifications.markSent(tx, notice.id);
      } catch (error) {
        this.logger.warn({ err: error, notificationId }, 'ops notification failed; will retry');
        notificationFailures.inc({ channel: notice.channel });
        await this.notifications.markAttemptFailed(tx, notice.id, (error as Error).message, MAX_ATTEMPTS);
      }
    });
  }

  private async retryDue(): Promise<void> {
    for (const id of await this.notifications.dueIds(this.dataSource, 50)) await this.send(id);
  }

}
