import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { AttachmentRepository, MailboxRepository, QueueRepository, RawMessageRepository, TicketRepository } from '@casework/database';
import { decideThread, findTicketTag, statusAfterFollowup, threadingCandidates, type ThreadDecision } from '@casework/domain';
import { automationOf, MailParseError, MailParserPool, storableAttachment, type ParsedMail } from '@casework/mail';
import { UnitOfWork, type Emit } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import type { EntityManager } from 'typeorm';
import { quarantineReason } from './quarantine-reason.js';
import { ROUTING_SETTINGS } from './routing.tokens.js';

const CONSUMER = 'routing';

/**
 * mail.received → parse → thread → ticket + article. Parsing and the threading look-ups
 * happen before the transaction; the writes, the raw message's new status and the event
 * commit together, once per event. Parsing runs in the parser pool's worker threads under a
 * time and size budget: a message that blows it is quarantined and the next one flows on.
 */
@Injectable()
export class RouteMailUseCase {
  constructor(
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(MailParserPool) private readonly parser: MailParserPool,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
  ) {}

  async execute(event: EventEnvelope<typeof Subjects.MailReceived>): Promise<void> {
    // A redelivery or re-emit of a routed mail must not load its bytes again.
    if ((await this.rawMessages.statusOf(this.dataSource, event.data.rawMessageId)) !== 'received') return;
    const raw = await this.rawMessages.find(this.dataSource, event.data.rawMessageId);
    if (!raw || raw.status !== 'received') return;

    let mail: ParsedMail;
    try {
      mail = await this.parser.parse(raw.raw);
    } catch (error) {
      // Anything but a MailParseError (a closed pool, a parser that cannot start) is ours: retry later.
      if (!(error instanceof MailParseError)) throw error;
      await this.quarantine(event, raw.id, quarantineReason(error, raw.raw.length, this.parser.maxBytes));
      return;
    }
    const decision = await this.decide(mail);

    try {
      await this.unitOfWork.runOnce(CONSUMER, event, async (tx, emit) => {
        // Another delivery of the same mail (a reconciler's re-emit) may have won the race.
        if (!(await this.rawMessages.lockReceived(tx, raw.id))) return;
        if (decision.kind === 'followup') await this.appendFollowup(tx, emit, raw.id, mail, decision);
        else await this.openTicket(tx, emit, raw.id, raw.mailboxId, mail);
        await this.rawMessages.markTicketed(tx, raw.id);
      });
    } catch (error) {
      // Content Postgres refuses (SQLSTATE class 22) will never store: keep it raw, move on.
      if (!isDataException(error)) throw error;
      await this.quarantine(event, raw.id, `content rejected by the database: ${(error as Error).message}`);
    }
  }

  private async decide(mail: ParsedMail): Promise<ThreadDecision> {
    const input = { inReplyTo: mail.inReplyTo, references: mail.references, subject: mail.subject };
    const tag = findTicketTag(mail.subject);
    const [byMessageId, byNumber] = await Promise.all([
      this.tickets.ticketsByMessageIds(this.dataSource, threadingCandidates(input)),
      this.tickets.ticketIdsByNumbers(this.dataSource, tag ? [tag] : []),
    ]);
    return decideThread(input, { byMessageId, byNumber });
  }

  private async openTicket(tx: EntityManager, emit: Emit, rawMessageId: string, mailboxId: string, mail: ParsedMail): Promise<void> {
    const queueId = (await this.mailboxes.queueOf(tx, mailboxId)) ?? (await this.queues.findDefault(tx))?.id;
    if (!queueId) throw new Error('no default queue: run `npm run seed`');
    const requester = mail.replyTo ?? mail.from ?? { email: 'unknown@invalid', name: null };
    const requesterId = await this.tickets.upsertContact(tx, requester);
    const subject = withoutNul(mail.subject).trim() || '(no subject)';
    const ticket = await this.tickets.open(tx, { subject, queueId, requesterId, priority: 'normal' });
    const automation = automationOf(mail, [this.settings.MAIL_FROM]);
    const articleId = await this.addInboundArticle(tx, ticket.id, rawMessageId, mail, automation.automated);
    await emit(Subjects.TicketOpened, {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      queueId,
      articleId,
      priority: 'normal',
      requester,
      subject,
      automation: { automated: automation.automated, reason: automation.automated ? automation.reason : null },
    });
    this.logger.info({ ticketId: ticket.id, ticketNumber: ticket.number, rawMessageId }, 'ticket opened');
  }

  private async appendFollowup(
    tx: EntityManager,
    emit: Emit,
    rawMessageId: string,
    mail: ParsedMail,
    decision: Extract<ThreadDecision, { kind: 'followup' }>,
  ): Promise<void> {
    const ticket = await this.tickets.findForUpdate(tx, decision.ticketId);
    if (!ticket) throw new Error(`ticket ${decision.ticketId} vanished while threading`);
    const automation = automationOf(mail, [this.settings.MAIL_FROM]);
    const articleId = await this.addInboundArticle(tx, ticket.id, rawMessageId, mail, automation.automated);
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
    this.logger.info({ ticketId: ticket.id, rawMessageId, matchedBy: decision.matchedBy }, 'follow-up threaded');
  }

  /** The article and its attachments (bytes over ATTACHMENT_MAX_BYTES not kept: the raw message has them). */
  private async addInboundArticle(tx: EntityManager, ticketId: string, rawMessageId: string, mail: ParsedMail, automated: boolean): Promise<string> {
    const articleId = await this.tickets.addArticle(tx, {
      ticketId,
      direction: 'inbound',
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
    });
    const maxBytes = this.settings.ATTACHMENT_MAX_BYTES;
    await this.attachments.addToArticle(tx, articleId, mail.attachments.map((attachment) => storableAttachment(attachment, maxBytes)));
    return articleId;
  }

  private async quarantine(event: EventEnvelope<typeof Subjects.MailReceived>, rawMessageId: string, reason: string): Promise<void> {
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx, emit) => {
      if (!(await this.rawMessages.lockReceived(tx, rawMessageId))) return;
      await this.rawMessages.markQuarantined(tx, rawMessageId, reason);
      await emit(Subjects.MailQuarantined, { rawMessageId, reason });
    });
    this.logger.warn({ rawMessageId, reason }, 'mail quarantined');
  }
}

/** Postgres text cannot hold NUL; real mail sometimes does. */
function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
}

function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}
