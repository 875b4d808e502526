import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { OutboundRepository, TemplateRepository, TicketReadRepository, type NewOutbound, type TemplateRecord, type TicketToAnswer } from '@casework/database';
import { taggedSubject } from '@casework/domain';
import { domainOfAddress, generateMessageId, renderTemplate, replyHeaders } from '@casework/mail';
import { togetherElseOneByOne, UnitOfWork, type BatchOutcome } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { OutboundSenderService } from './outbound-sender.service.js';

const CONSUMER = 'template-reply';

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
 * Answers new tickets from people with the stored acknowledgement template (not automated mail,
 * nor tickets routing held it back for: spam, a rule, the postmaster queue), and tickets
 * released from spam whose acknowledgement was held back. Events come in batches (a lone event
 * is a batch of one): one transaction claims them, reads their tickets and the template, and
 * queues every acknowledgement in one statement; the sender then sends the batch's messages
 * together. A ticket is acknowledged at most once (a unique index), whatever asks again.
 */
@Injectable()
export class AcknowledgeTicketUseCase {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
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
    try {
      await this.sender.sendAll(queued);
    } catch (error) {
      // As when each event sent its own message: the events whose mail was due fail with it.
      for (const event of toAnswer) if (!failed.has(event)) failed.set(event, error);
    }
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
      const [tickets, template] = await Promise.all([this.tickets.ticketsToAnswer(tx, ticketIds), this.templates.latest(tx, 'acknowledgement', 'en')]);
      const missing = ticketIds.find((id) => !tickets.has(id));
      if (missing) throw new Error(`ticket ${missing} not found`);
      if (!template) throw new Error('acknowledgement template missing: run `npm run seed`');
      const ids = await this.outbound.insertMany(
        tx,
        ticketIds.map((id) => acknowledgement(tickets.get(id)!, template)),
      );
      queued.push(...ids.filter((id): id is string => id !== null));
    });
    return queued;
  }
}

/** The acknowledgement of a ticket, from its queue's address, answering its newest inbound mail. */
function acknowledgement(ticket: TicketToAnswer, template: TemplateRecord): NewOutbound {
  // The ticket's queue is its reply address (a foreign key: it always exists).
  const from = ticket.queue.address;
  const rendered = renderTemplate(template, {
    ticket: { number: ticket.number, subject: ticket.subject },
    requester: ticket.requester,
    queue: { name: ticket.queue.name, address: from },
  });
  const threading = replyHeaders({ messageId: ticket.lastInbound?.messageId ?? null, references: ticket.lastInbound?.references ?? [] });
  return {
    ticketId: ticket.id,
    kind: 'acknowledgement',
    messageId: generateMessageId(domainOfAddress(from)),
    inReplyTo: threading.inReplyTo,
    references: threading.references,
    fromEmail: from,
    to: ticket.requester,
    subject: taggedSubject(rendered.subject, ticket.number),
    text: rendered.text,
  };
}
