import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { NotificationSettings } from '@casework/config';
import { Subjects } from '@casework/contracts';
import { NotificationRepository, SlaRepository, TemplateRepository } from '@casework/database';
import { domainOfAddress, generateMessageId, renderTemplate } from '@casework/mail';
import { UnitOfWork } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';
import { OpsNotifierService } from './ops-notifier.service.js';

const CLAIM_BATCH = 500;

/**
 * Breaches due clocks. Clocks are rows: each sweep claims due ones with SKIP LOCKED (so
 * replicas never fire one twice), then sleeps until the next due time, capped, or until a
 * sooner clock is started in this process.
 */
@Injectable()
export class SlaSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private sleepingUntil = Infinity;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(SlaRepository) private readonly sla: SlaRepository,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(NotificationRepository) private readonly notifications: NotificationRepository,
    @Inject(OpsNotifierService) private readonly notifier: OpsNotifierService,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.sending;
  }

  /** A clock due before the current sleep ends cuts the sleep short. */
  wakeBy(due: Date): void {
    if (due.getTime() < this.sleepingUntil) this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let sleepMs = this.settings.SLA_SWEEP_MAX_SLEEP_MS;
      try {
        while ((await this.sweep()) === CLAIM_BATCH && !this.stopping);
        const next = await this.sla.nextDueAt(this.dataSource);
        if (next) sleepMs = Math.max(0, Math.min(sleepMs, next.getTime() - Date.now()));
      } catch (error) {
        this.logger.warn({ err: error }, 'SLA sweep failed');
      }
      if (this.stopping) break;
      this.sleepingUntil = Date.now() + sleepMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleepMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.sleepingUntil = Infinity;
    }
  }

  /** Breaches one batch of due clocks; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const queued: string[] = [];
    const count = await this.unitOfWork.run(async (tx, emit) => {
      const due = await this.sla.claimDue(tx, now, CLAIM_BATCH);
      if (due.length === 0) return 0;
      const template = await this.templates.latest(tx, 'sla-breach', 'en');
      for (const clock of due) {
        await this.sla.markBreached(tx, clock.id, now);
        await emit(Subjects.SlaBreached, { clockId: clock.id, ticketId: clock.ticketId, kind: clock.kind, dueAt: clock.dueAt.toISOString(), breachedAt: now.toISOString() });
        const message = renderTemplate(template ?? { subject: 'SLA breached: {{clock.kind}} on ticket {{ticket.number}}', body: '' }, {
          ticket: { number: clock.ticketNumber, subject: clock.ticketSubject, id: clock.ticketId },
          clock: { kind: clock.kind, dueAt: clock.dueAt.toISOString() },
        });
        const id = await this.notifications.insert(tx, {
          clockId: clock.id,
          ticketId: clock.ticketId,
          channel: 'email',
          recipient: this.settings.OPS_EMAIL,
          subject: message.subject,
          body: message.text,
          messageId: generateMessageId(domainOfAddress(this.settings.MAIL_FROM)),
        });
        if (id) queued.push(id);
      }
      return due.length;
    });
    if (count > 0) this.logger.warn({ breached: count }, 'SLA clocks breached');
    // Sending must not hold up the next sweep: sends queue up behind each other in the
    // background (one database connection at a time); a failed send is retried by the notifier.
    this.sending = this.sending.then(async () => {
      for (const id of queued) {
        await this.notifier.send(id).catch((error) => this.logger.warn({ err: error, notificationId: id }, 'ops notification send failed'));
      }
    });
    return count;
  }
}
