import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TemplateReplySettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { AnswerContextRepository, AutoReplyLogRepository, OutboundRepository, pairKey, QueueRepository, TemplateRepository, type NewOutbound } from '@casework/database';
import { answerTarget, autoReplyRecipientProblem, firstPerSender, PARTIAL_KEYS, taggedSubject, type AnswerContext, type StoredTemplate } from '@casework/domain';
import { composeAnswer, domainOfAddress, generateMessageId, replyHeaders } from '@casework/mail';
import { togetherElseOneByOne, UnitOfWork, type BatchOutcome } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { OutboundSenderService } from './outbound-sender.service.js';
import { TEMPLATE_REPLY_SETTINGS } from './template-reply.tokens.js';

const CONSUMER = 'template-reply';
const TEMPLATE_KEY = 'acknowledgement';

type TicketOpened = EventEnvelope<typeof Subjects.TicketOpened>;
type TicketNotSpam = EventEnvelope<typeof Subjects.TicketNotSpam>;
/** What asks for an acknowledgement: a ticket opened, or one released from spam whose acknowledgement was held back. */
export type AcknowledgementDue = TicketOpened | TicketNotSpam;

/** Why an event asks for no acknowledgement; null: acknowledge. */
function noAcknowledgementReason(event: AcknowledgementDue): string | null {
  if (event.subject === Subjects.TicketNotSpam) return event.data.acknowledge ? null : 'released from spam, acknowledgement not held back';
  const { automation, acknowledgement } = event.data;
  if (automation.automated) return `automated mail: ${automation.reason}`;
  if (acknowledgement?.suppressed) return `suppressed: ${acknowledgement.reason}`;
  return null;
}

/**
 * Answers new tickets from people with the acknowledgement of the library, in the writer's
 * language (ticket language → queue default → English) and from the ticket's queue; and tickets
 * released from spam whose acknowledgement was held back. None for tickets routing held it back
 * for (spam, a rule, the postmaster queue) and, RFC 3834, none for automated mail (routing's
 * verdict), a machine's, a list's or our own address, and at most one per sender and queue in
 * ACK_PER_SENDER_WINDOW_MINUTES. Events come in batches (a lone event is a batch of one): one
 * transaction claims them, reads their tickets and the templates, and queues every
 * acknowledgement with its article in one statement; the sender then sends the batch's messages
 * together, in the background while the next batch is prepared. A ticket is acknowledged at most
 * once (a unique index), whatever asks again.
 */
@Injectable()
export class AcknowledgeTicketUseCase {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TEMPLATE_REPLY_SETTINGS) private readonly settings: TemplateReplySettings,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(AnswerContextRepository) private readonly contexts: AnswerContextRepository,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(AutoReplyLogRepository) private readonly autoReplies: AutoReplyLogRepository,
    @Inject(OutboundRepository) private readonly outbound: OutboundRepository,
    @Inject(OutboundSenderService) private readonly sender: OutboundSenderService,
  ) {}

  /**
   * Acknowledges a batch; one outcome per event. When queueing the batch as a whole fails (a
   * ticket that does not exist) its events are queued one by one, so one bad event costs the
   * others nothing.
   */
  async executeAll(events: AcknowledgementDue[]): Promise<BatchOutcome[]> {
    const toAnswer = events.filter((event) => {
      const reason = noAcknowledgementReason(event);
      if (reason !== null) this.logger.info({ ticketId: event.data.ticketId, reason }, 'no acknowledgement');
      return reason === null;
    });
    const failed = new Map<AcknowledgementDue, unknown>();
    const queued: string[] = [];
    const outcomes = await togetherElseOneByOne(
      toAnswer,
      async (batch) => void queued.push(...(await this.queueAcknowledgements(batch))),
      (error) => this.logger.warn({ err: error, events: toAnswer.length }, 'acknowledging a batch failed: acknowledging its events one by one'),
    );
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) failed.set(toAnswer[i], outcome.error);
    });
    // The rows are committed: sending them is the sender's now (and its retry sweep's, should it fail).
    await this.sender.sendSoon(queued);
    return events.map((event) => (failed.has(event) ? { ok: false, error: failed.get(event) } : { ok: true }));
  }

  /** One transaction: the events not processed before get their acknowledgement queued. Returns the new rows' ids. */
  private async queueAcknowledgements(events: AcknowledgementDue[]): Promise<string[]> {
    if (events.length === 0) return [];
    const queued: string[] = [];
    await this.unitOfWork.runOnceAll(CONSUMER, events, async (tx, _emit, fresh) => {
      if (fresh.length === 0) return;
      // A ticket is acknowledged once, however many events name it.
      const ticketIds = [...new Set(fresh.map((event) => event.data.ticketId))];
      const [contexts, ownAddresses] = await Promise.all([this.contexts.forTickets(tx, ticketIds), this.queues.ownAddresses(tx)]);
      const missing = ticketIds.find((id) => !contexts.has(id));
      if (missing) throw new Error(`ticket ${missing} not found`);
      const answerable = firstPerSender(
        ticketIds.map((id) => contexts.get(id)!).filter((context) => this.mayAnswer(context, [...ownAddresses, this.settings.MAIL_FROM])),
        (context) => ({ queueId: context.queue.id, sender: context.requester.email }),
      );
      const allowed = await this.withinSenderWindow(tx, answerable);
      if (allowed.length === 0) return;
      const library = await this.templates.library(tx, [TEMPLATE_KEY, ...PARTIAL_KEYS], allowed.map((context) => context.queue.id));
      const rows = await this.outbound.insertMany(tx, allowed.map((context) => acknowledgement(context, library)));
      queued.push(...rows.flatMap((row) => (row ? [row.id] : [])));
    });
    return queued;
  }

  private mayAnswer(context: AnswerContext, ownAddresses: string[]): boolean {
    const problem = autoReplyRecipientProblem(context.requester.email, ownAddresses);
    if (problem) this.logger.info({ ticketId: context.ticket.id, reason: problem }, 'no acknowledgement for this sender');
    return problem === null;
  }

  /** RFC 3834's rate rule: those whose sender has not had an acknowledgement from this queue within the window. */
  private async withinSenderWindow(tx: Parameters<AutoReplyLogRepository['claim']>[0], contexts: AnswerContext[]): Promise<AnswerContext[]> {
    const windowMinutes = this.settings.ACK_PER_SENDER_WINDOW_MINUTES;
    if (windowMinutes === 0) return contexts;
    const claimed = await this.autoReplies.claim(tx, contexts.map((c) => ({ queueId: c.queue.id, sender: c.requester.email })), windowMinutes);
    return contexts.filter((context) => {
      const allowed = claimed.has(pairKey(context.queue.id, context.requester.email));
      if (!allowed) this.logger.info({ ticketId: context.ticket.id, windowMinutes }, 'no acknowledgement: this sender had one from this queue within the window');
      return allowed;
    });
  }
}

/** The acknowledgement of a ticket, from its queue's address, answering its newest inbound mail. */
function acknowledgement(context: AnswerContext, library: StoredTemplate[]): NewOutbound {
  // The ticket's queue is its reply address (a foreign key: it always exists).
  const from = context.queue.address;
  const composed = composeAnswer(library, TEMPLATE_KEY, answerTarget(context));
  if (!composed) throw new Error('acknowledgement template missing: run `npm run seed`');
  const threading = replyHeaders({ messageId: context.lastInbound?.messageId ?? null, references: context.lastInbound?.references ?? [] });
  return {
    ticketId: context.ticket.id,
    kind: 'acknowledgement',
    messageId: generateMessageId(domainOfAddress(from)),
    inReplyTo: threading.inReplyTo,
    references: threading.references,
    fromEmail: from,
    to: context.requester,
    subject: taggedSubject(composed.subject, context.ticket.number),
    text: composed.text,
    html: composed.html,
    locale: composed.locale,
    template: { id: composed.template.id, version: composed.template.version },
  };
}
