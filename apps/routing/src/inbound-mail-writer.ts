import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { Subjects } from '@casework/contracts';
import { AttachmentRepository, QueueRepository, TicketRepository } from '@casework/database';
import { placeNewTicket, requesterOf, statusAfterFollowup, type ThreadDecision, type TicketPlacement } from '@casework/domain';
import { automationOf, storableAttachment, type ParsedMail } from '@casework/mail';
import type { Emit } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import type { RouteStep } from './mail-batch-preparer.js';
import { ROUTING_SETTINGS } from './routing.tokens.js';

/**
 * Routing's writes inside the batch's transaction: new tickets opened with their first article,
 * follow-ups appended to the ticket they thread into, attachments kept, and their events.
 */
@Injectable()
export class InboundMailWriter {
  constructor(
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
  ) {}

  /** Opens a ticket per step (its queue placed by the mailbox), with the first article and ticket.opened. */
  async openTickets(tx: EntityManager, emit: Emit, steps: RouteStep[]): Promise<void> {
    if (steps.length === 0) return;
    const placeByMailbox = new Map<string, TicketPlacement>();
    let defaultQueueId: string | null | undefined;
    for (const mailboxId of new Set(steps.map((step) => step.mailboxId))) {
      const mailboxQueueId = await this.queues.mailboxQueueId(tx, mailboxId);
      if (mailboxQueueId === null && defaultQueueId === undefined) defaultQueueId = (await this.queues.findDefault(tx))?.id ?? null;
      const placement = placeNewTicket({ mailboxQueueId, defaultQueueId: defaultQueueId ?? null });
      if (!placement) throw new Error('no default queue: run `npm run seed`');
      placeByMailbox.set(mailboxId, placement);
    }
    const requesters = steps.map(({ mail }) => requesterOf(mail));
    const requesterIds = await this.tickets.upsertContacts(tx, requesters);
    const subjects = steps.map(({ mail }) => withoutNul(mail.subject).trim() || '(no subject)');
    const opened = await this.tickets.openMany(
      tx,
      steps.map((step, i) => ({ subject: subjects[i], ...placeByMailbox.get(step.mailboxId)!, requesterId: requesterIds[i] })),
    );
    const automations = steps.map(({ mail }) => automationOf(mail, [this.settings.MAIL_FROM]));
    const articleIds = await this.addInboundArticles(
      tx,
      steps.map((step, i) => ({ ticketId: opened[i].id, rawMessageId: step.rawMessageId, mail: step.mail, automated: automations[i].automated })),
      { ticketsOpenedInThisTransaction: true },
    );
    for (const [i, step] of steps.entries()) {
      const automation = automations[i];
      const placement = placeByMailbox.get(step.mailboxId)!;
      await emit(Subjects.TicketOpened, {
        ticketId: opened[i].id,
        ticketNumber: opened[i].number,
        queueId: placement.queueId,
        articleId: articleIds[i],
        priority: placement.priority,
        requester: requesters[i],
        subject: subjects[i],
        automation: { automated: automation.automated, reason: automation.automated ? automation.reason : null },
      });
      this.logger.info({ ticketId: opened[i].id, ticketNumber: opened[i].number, rawMessageId: step.rawMessageId }, 'ticket opened');
    }
  }

  /** Adds the mail to the ticket it threads into (its status moved as statusAfterFollowup says), with ticket.followup. */
  async appendFollowup(tx: EntityManager, emit: Emit, step: RouteStep, decision: Extract<ThreadDecision, { kind: 'followup' }>): Promise<void> {
    const ticket = await this.tickets.findForUpdate(tx, decision.ticketId);
    if (!ticket) throw new Error(`ticket ${decision.ticketId} vanished while threading`);
    const automation = automationOf(step.mail, [this.settings.MAIL_FROM]);
    const [articleId] = await this.addInboundArticles(tx, [{ ticketId: ticket.id, rawMessageId: step.rawMessageId, mail: step.mail, automated: automation.automated }]);
    const status = statusAfterFollowup(ticket.status);
    if (status !== ticket.status) {
      await this.tickets.setStatus(tx, ticket.id, status);
      await emit(Subjects.TicketStatusChanged, { ticketId: ticket.id, from: ticket.status, to: status });
    }
    await emit(Subjects.TicketFollowup, {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      articleId,
      matchedBy: decision.matchedBy,
      automation: { automated: automation.automated, reason: automation.automated ? automation.reason : null },
    });
    this.logger.info({ ticketId: ticket.id, rawMessageId: step.rawMessageId, matchedBy: decision.matchedBy }, 'follow-up threaded');
  }

  /** The articles and their attachments (bytes over ATTACHMENT_MAX_BYTES not kept: the raw message has them). */
  private async addInboundArticles(
    tx: EntityManager,
    inbound: { ticketId: string; rawMessageId: string; mail: ParsedMail; automated: boolean }[],
    options: { ticketsOpenedInThisTransaction?: boolean } = {},
  ): Promise<string[]> {
    const articleIds = await this.tickets.addArticles(
      tx,
      inbound.map(({ ticketId, rawMessageId, mail, automated }) => ({
        ticketId,
        direction: 'inbound' as const,
        from: mail.from,
        to: mail.to,
        cc: mail.cc,
        subject: withoutNul(mail.subject),
        text: withoutNul(mail.text),
        html: mail.html === null ? null : withoutNul(mail.html),
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo[0] ?? null,
        references: mail.references,
        automated,
        rawMessageId,
      })),
      options,
    );
    const maxBytes = this.settings.ATTACHMENT_MAX_BYTES;
    for (const [i, { mail }] of inbound.entries()) {
      if (mail.attachments.length === 0) continue;
      await this.attachments.addToArticle(tx, articleIds[i], mail.attachments.map((attachment) => storableAttachment(attachment, maxBytes)));
    }
    return articleIds;
  }
}

/** Postgres text cannot hold NUL; real mail sometimes does. */
function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
}
