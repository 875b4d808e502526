import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { NotificationSettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import {
  appendOutboxBatch,
  NotificationRepository,
  QueueRepository,
  SLA_BREACH_TEMPLATE,
  SLA_WARNING_TEMPLATE,
  SlaClockRepository,
  TemplateRepository,
  type FiringClock,
  type NewNotification,
} from '@casework/database';
import { noticeContext } from '@casework/domain';
import { domainOfAddress, generateMessageId } from '@casework/mail';
import { OutboxRelay } from '@casework/messaging';
import { LOGGER, slaBreachDetectionSeconds } from '@casework/observability';
import { NoticeLibrary } from './notice-library.js';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';
import { OpsNotifierService } from './ops-notifier.service.js';
import { opsRecipients } from './ops-recipients.js';
import { PagingService } from './paging.service.js';
import { WebhookDelivererService } from './webhook-deliverer.service.js';

const CLAIM_BATCH = 500;

/**
 * Breaches due clocks and warns about clocks nearing their due time. Clocks are rows: each
 * sweep claims the ones whose due or (unsent) warning time has come with SKIP LOCKED (so
 * replicas never fire one twice), then sleeps until the next due or warning time, capped, or
 * until a sooner time is scheduled in this process.
 */
@Injectable()
export class SlaSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private sleepingUntil = Infinity;
  private sending: Promise<void> = Promise.resolve();
  /** Open while the sweep is catching up with a backlog: notices wait, detection goes first. */
  private catchingUp: Promise<void> | null = null;
  private caughtUp: () => void = () => undefined;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(SlaClockRepository) private readonly slaClocks: SlaClockRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(NotificationRepository) private readonly notifications: NotificationRepository,
    @Inject(OpsNotifierService) private readonly notifier: OpsNotifierService,
    @Inject(PagingService) private readonly paging: PagingService,
    @Inject(WebhookDelivererService) private readonly deliverer: WebhookDelivererService,
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
        // A full batch means more are due: hold the notice sends until the backlog is fired, so
        // thousands of clocks due at once are all breached (and their notices committed) first.
        try {
          while ((await this.sweep()) === CLAIM_BATCH && !this.stopping) this.catchingUp ??= new Promise<void>((resolve) => (this.caughtUp = resolve));
        } finally {
          this.caughtUp();
          this.catchingUp = null;
        }
        // Unacknowledged pages escalate in the same loop (claimed with SKIP LOCKED as well).
        while ((await this.paging.escalateDue()).claimed > 0 && !this.stopping);
        for (const next of [await this.slaClocks.nextFireAt(this.dataSource), await this.paging.nextEscalationAt(this.dataSource)]) {
          if (next) sleepMs = Math.max(0, Math.min(sleepMs, next.getTime() - Date.now()));
        }
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

  /**
   * Fires one batch of clocks whose time has come: a due clock is breached (once: it stops
   * running), a clock past its warning time gets its one warning. The clocks' new state, their
   * events (outbox rows) and ops notices (one per address of the ticket's queue's ops list, else
   * to OPS_EMAIL) commit together; the events are published right after. A claimed clock is
   * marked in the same commit and notices are unique per clock, reason and recipient, so neither
   * a retried sweep nor a second replica sends a notice twice.
   * Set-based (a handful of statements per batch, not per clock): thousands of clocks can come
   * due in the same second. Returns how many clocks were claimed.
   */
  async sweep(now = new Date()): Promise<number> {
    const startedAt = Date.now();
    const events: EventEnvelope[] = [];
    let queued: string[] = [];
    const fired = await this.dataSource.transaction(async (tx) => {
      const clocks = await this.slaClocks.claimFiring(tx, now, CLAIM_BATCH);
      if (clocks.length === 0) return { claimed: 0, breached: 0, warned: 0 };
      const due = clocks.filter((c) => c.dueAt !== null && c.dueAt.getTime() <= now.getTime());
      const warn = clocks.filter((c) => !due.includes(c) && c.warnedAt === null && c.warnAt !== null && c.warnAt.getTime() <= now.getTime());
      await this.slaClocks.markBreached(tx, due.map((c) => c.id), now);
      for (const clock of due) slaBreachDetectionSeconds.observe(Math.max(0, now.getTime() - clock.dueAt!.getTime()) / 1000);
      await this.slaClocks.markWarned(tx, warn.map((c) => c.id), now);
      const notices: NewNotification[] = [];
      const queuesOf = await this.queues.noticeQueuesOfTickets(tx, [...due, ...warn].map((c) => c.ticketId));
      const library = await NoticeLibrary.load(this.templates, tx, [SLA_BREACH_TEMPLATE.key, SLA_WARNING_TEMPLATE.key], [...new Set([...queuesOf.values()].map((q) => q.id))]);
      const addNotices = (clock: FiringClock, reason: 'breach' | 'warning'): void => {
        // A ticket always has its queue (a foreign key); the blank one is for a ticket deleted meanwhile.
        const queue = queuesOf.get(clock.ticketId) ?? { id: '', slug: '', name: '', opsEmails: [], defaultLocale: null };
        // The seeded text is the fallback of a database that was migrated but never seeded.
        const template = reason === 'breach' ? SLA_BREACH_TEMPLATE : SLA_WARNING_TEMPLATE;
        const message = library.render(template.key, queue, (locale) => contextOf(clock, queue, locale), template);
        for (const recipient of opsRecipients(queue.opsEmails, this.settings.OPS_EMAIL)) {
          notices.push({
            clockId: clock.id,
            ticketId: clock.ticketId,
            channel: 'email',
            recipient,
            subject: message.subject,
            body: message.text,
            messageId: generateMessageId(domainOfAddress(this.settings.MAIL_FROM)),
            reason,
          });
        }
      };
      if (due.length > 0) {
        const breaches = due.map((clock) => {
          addNotices(clock, 'breach');
          return { clockId: clock.id, ticketId: clock.ticketId, kind: clock.kind, dueAt: clock.dueAt!.toISOString(), breachedAt: now.toISOString(), ticketNumber: clock.ticketNumber };
        });
        events.push(...(await appendOutboxBatch(tx, Subjects.SlaBreached, breaches)));
      }
      if (warn.length > 0) {
        const warnings = warn.map((clock) => {
          addNotices(clock, 'warning');
          return {
            clockId: clock.id,
            ticketId: clock.ticketId,
            ticketNumber: clock.ticketNumber,
            kind: clock.kind,
            warnAt: clock.warnAt!.toISOString(),
            dueAt: clock.dueAt?.toISOString() ?? clock.warnAt!.toISOString(),
            warnedAt: now.toISOString(),
          };
        });
        events.push(...(await appendOutboxBatch(tx, Subjects.SlaWarning, warnings)));
      }
      queued = await this.notifications.insertMany(tx, notices);
      // Webhooks wanting sla.breached / sla.warning get one delivery per event, in the same commit.
      await this.deliverer.enqueue(tx, events);
      return { claimed: clocks.length, breached: due.length, warned: warn.length };
    });
    await this.relay.publishCommitted(events);
    if (events.length > 0) this.deliverer.kick();
    if (fired.breached > 0) this.logger.warn({ breached: fired.breached, ms: Date.now() - startedAt }, 'SLA clocks breached');
    if (fired.warned > 0) this.logger.info({ warned: fired.warned, ms: Date.now() - startedAt }, 'SLA clock warnings');
    // Sending must not hold up the next sweep: sends queue up behind each other in the
    // background (one database connection at a time); a failed or unsent notice is retried by
    // the notifier's sweep (also after a shutdown cut the queue short).
    this.sending = this.sending.then(async () => {
      for (const id of queued) {
        if (this.catchingUp) await this.catchingUp;
        if (this.stopping) return;
        await this.notifier.send(id).catch((error) => this.logger.warn({ err: error, notificationId: id }, 'ops notification send failed'));
      }
    });
    return fired.claimed;
  }
}

function contextOf(clock: FiringClock, queue: { name: string; slug: string }, locale: string) {
  return noticeContext(
    { ticket: { id: clock.ticketId, number: clock.ticketNumber, subject: clock.ticketSubject, priority: '' }, queue, clock: { kind: clock.kind, dueAt: clock.dueAt, warnAt: clock.warnAt } },
    locale,
  );
}
