import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { NotificationSettings } from '@casework/config';
import { Subjects } from '@casework/contracts';
import { OncallRepository, QueueRepository, SEED_TEMPLATES, TemplateRepository, type Db, type TicketForPaging } from '@casework/database';
import { escalationDueAt, nextToPage, pageContext } from '@casework/domain';
import { domainOfAddress, generateMessageId } from '@casework/mail';
import { UnitOfWork, type Emit } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { NoticeLibrary, type NoticeFallback } from './notice-library.js';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';
import { OpsNotifierService } from './ops-notifier.service.js';
import { opsRecipients } from './ops-recipients.js';
import { WebhookDelivererService } from './webhook-deliverer.service.js';

const ESCALATION_BATCH = 100;
const PAGE_TEMPLATE = 'page';
/** The English page of the seed: what a database migrated but never seeded sends. */
const PAGE_FALLBACK: NoticeFallback = ((seed) => ({ subject: seed.subject, body: seed.text }))(SEED_TEMPLATES.find((t) => t.key === PAGE_TEMPLATE && t.locale === 'en')!);

/** What a paging step queued: notices to send after the commit, escalation times to wake for. */
export interface Paged {
  notices: string[];
  escalateAt: Date[];
}

/**
 * Pages whoever is on call about an emergency ticket: a `page` row, an email notice sent at
 * once and a `page.sent` event, all in the caller's transaction. An unacknowledged page
 * escalates after PAGE_ESCALATION_MINUTES to the next person on call not yet paged about the
 * ticket; with nobody (left) on call, the queue's ops list (else OPS_EMAIL) is paged instead, one
 * notice per address (no further escalation).
 */
@Injectable()
export class PagingService implements OnApplicationShutdown {
  private sending: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OncallRepository) private readonly oncall: OncallRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(OpsNotifierService) private readonly notifier: OpsNotifierService,
    @Inject(WebhookDelivererService) private readonly deliverer: WebhookDelivererService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.sending;
  }

  /** The first page of an emergency ticket (once per ticket: level 0 is unique). */
  async pageTicket(tx: Db, emit: Emit, ticketId: string, at = new Date()): Promise<Paged> {
    const ticket = await this.oncall.ticketForPaging(tx, ticketId);
    if (!ticket) return { notices: [], escalateAt: [] };
    return this.page(tx, emit, ticket, 0, at);
  }

  /** Escalates one batch of unacknowledged pages whose time has come; returns how many. */
  async escalateDue(now = new Date()): Promise<{ claimed: number; escalateAt: Date[] }> {
    const notices: string[] = [];
    const escalateAt: Date[] = [];
    const claimed = await this.unitOfWork.run(async (tx, emit) => {
      const pages = await this.oncall.claimEscalations(tx, now, ESCALATION_BATCH);
      for (const page of pages) {
        await this.oncall.markEscalated(tx, page.id);
        const ticket = await this.oncall.ticketForPaging(tx, page.ticketId);
        if (!ticket) continue;
        const paged = await this.page(tx, emit, ticket, page.level + 1, now);
        notices.push(...paged.notices);
        escalateAt.push(...paged.escalateAt);
      }
      return pages.length;
    });
    if (claimed > 0) this.logger.warn({ escalated: claimed }, 'pages escalated');
    this.send(notices);
    return { claimed, escalateAt };
  }

  nextEscalationAt(db: Db): Promise<Date | null> {
    return this.oncall.nextEscalationAt(db);
  }

  /** Sends queued page notices in the background (the notifier's retry sweep covers failures). */
  send(notices: string[]): Promise<void> {
    if (notices.length > 0) this.deliverer.kick();
    this.sending = this.sending.then(async () => {
      for (const id of notices) {
        if (this.stopping) return;
        await this.notifier.send(id).catch((error) => this.logger.warn({ err: error, notificationId: id }, 'page notification send failed'));
      }
    });
    return this.sending;
  }

  private async page(tx: Db, emit: Emit, ticket: TicketForPaging, level: number, at: Date): Promise<Paged> {
    const alreadyPaged = (await this.oncall.pagesOf(tx, ticket.id)).map((p) => p.targetEmail);
    const person = nextToPage(await this.oncall.onCall(tx, ticket.queueSlug, at), alreadyPaged);
    const via = person ? 'oncall' : 'fallback';
    const queue = await this.queues.find(tx, ticket.queueId);
    const recipients = person ? [person.email] : opsRecipients(queue?.opsEmails, this.settings.OPS_EMAIL);
    // The page (and its page.sent event) names everyone it went to.
    const target = recipients.join(', ');
    const escalateAt = escalationDueAt(at, person !== null, this.settings.PAGE_ESCALATION_MINUTES);
    const page = await this.oncall.insertPage(tx, { ticketId: ticket.id, targetEmail: target, targetName: person?.name ?? null, level, escalateAt });
    if (!page) return { notices: [], escalateAt: [] };
    // The library's `page` in the queue's language; one page is a handful of mails, so it is read each time.
    const library = await NoticeLibrary.load(this.templates, tx, [PAGE_TEMPLATE], [ticket.queueId]);
    const facts = { ticket: { id: ticket.id, number: ticket.number, subject: ticket.subject, priority: ticket.priority }, queue: { name: queue?.name ?? ticket.queueSlug, slug: ticket.queueSlug } };
    const { subject, text } = library.render(
      PAGE_TEMPLATE,
      { id: ticket.queueId, defaultLocale: queue?.defaultLocale ?? null },
      (locale) => pageContext({ ...facts, page: { id: page.id, level, onCall: person !== null, escalateAt } }, locale),
      PAGE_FALLBACK,
    );
    // The line of a condition that did not hold stays out, as the page always read.
    const body = text.replace(/\n{2,}/g, '\n');
    // One notice per address (unique per page and recipient), made once: the page row is unique per ticket and level.
    const notices: string[] = [];
    for (const recipient of recipients) {
      const notice = await this.oncall.insertPageNotice(tx, {
        pageId: page.id,
        ticketId: ticket.id,
        recipient,
        subject,
        body: `${body}\n`,
        messageId: generateMessageId(domainOfAddress(this.settings.MAIL_FROM)),
      });
      if (notice) notices.push(notice);
    }
    const sent = await emit(Subjects.PageSent, { pageId: page.id, ticketId: ticket.id, ticketNumber: ticket.number, level, target, via, escalateAt: escalateAt?.toISOString() ?? null });
    await this.deliverer.enqueue(tx, [sent]);
    if (!person) this.logger.warn({ ticketId: ticket.id, level, recipients: recipients.length }, "nobody on call: paging the queue's ops list");
    return { notices, escalateAt: escalateAt ? [escalateAt] : [] };
  }
}
