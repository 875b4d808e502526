import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { AttachmentRepository, QueueRepository, RawMessageRepository, TicketRepository } from '@casework/database';
import {
  decideThread,
  findTicketTag,
  placeNewTicket,
  requesterOf,
  statusAfterFollowup,
  threadingCandidates,
  type ThreadDecision,
  type TicketPlacement,
} from '@casework/domain';
import { automationOf, MailParseError, MailParserPool, storableAttachment, type ParsedMail } from '@casework/mail';
import { togetherElseOneByOne, UnitOfWork, type BatchOutcome, type Emit } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { quarantineReason } from './quarantine-reason.js';
import { ROUTING_SETTINGS } from './routing.tokens.js';

const CONSUMER = 'routing';
/** Bytes of raw mail one batch loads at most (a bigger first message is loaded alone). */
const BATCH_BYTE_BUDGET = 32 * 1024 * 1024;

type MailReceived = EventEnvelope<typeof Subjects.MailReceived>;

/** What one event of a batch comes to once its mail is parsed and threaded. */
type Step =
  | { kind: 'skip'; event: MailReceived }
  | { kind: 'quarantine'; event: MailReceived; rawMessageId: string; reason: string }
  | { kind: 'route'; event: MailReceived; rawMessageId: string; mailboxId: string; mail: ParsedMail; decision: ThreadDecision };

type RouteStep = Extract<Step, { kind: 'route' }>;

/**
 * A raw message as loading and parsing left it: parsed, or refused by the parser (or the pool
 * failed: `error` not a MailParseError), or no longer waiting for routing (`gone`), or not
 * loaded for lack of byte budget (`later`).
 */
type ParsedRaw =
  | { kind: 'parsed'; mailboxId: string; mail: ParsedMail }
  | { kind: 'failed'; size: number; error: unknown }
  | { kind: 'gone' }
  | { kind: 'later' };

/** Raw messages of a batch parsed ahead of it, by raw message id (see `parseAhead`). */
export type ParsedAhead = Map<string, ParsedRaw>;

/**
 * mail.received → parse → thread → ticket + article. Events come in batches (a lone event is a
 * batch of one): the bytes are loaded in one query and parsed in the parser pool's worker
 * threads under a time and size budget (a message that blows it is quarantined and the others
 * flow on); the threading look-ups of the whole batch run before the transaction, and its
 * writes, the raw messages' new status and the events commit together, once per batch.
 *
 * Order is kept: batches commit one at a time, and a mail answering one earlier in its own batch
 * starts the next batch, so it sees the ticket its original opened. Loading and parsing depend
 * on no earlier batch, so `parseAhead` does them for the next batch while one commits.
 */
@Injectable()
export class RouteMailUseCase {
  constructor(
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(MailParserPool) private readonly parser: MailParserPool,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
  ) {}

  /** Routes one event (a batch of one). */
  async execute(event: MailReceived, ahead?: ParsedAhead): Promise<void> {
    try {
      await this.routeTogether([event], ahead);
    } catch (error) {
      // Content Postgres refuses (SQLSTATE class 22) will never store: keep it raw, move on.
      if (!isDataException(error)) throw error;
      await this.quarantineAlone(event, `content rejected by the database: ${(error as Error).message}`);
    }
  }

  /**
   * Routes a batch in as few transactions as order allows. When the batch as a whole fails (one
   * message the database refuses, a lock timeout) its events are routed one by one, so one bad
   * message costs the others nothing.
   */
  executeAll(events: MailReceived[], ahead?: ParsedAhead): Promise<BatchOutcome[]> {
    return togetherElseOneByOne(
      events,
      (batch) => (batch.length === 1 ? this.execute(batch[0], ahead) : this.routeTogether(batch, ahead)),
      (error) => this.logger.warn({ err: error, events: events.length }, 'routing a batch failed: routing its events one by one'),
    );
  }

  /**
   * Loads and parses the mail of `events` (as much as the byte budget allows) without touching
   * anything: what the batch's routing would do first, done while the batch before it commits.
   */
  parseAhead(events: MailReceived[]): Promise<ParsedAhead> {
    return this.loadAndParse([...new Set(events.map((event) => event.data.rawMessageId))]);
  }

  private async loadAndParse(rawMessageIds: string[]): Promise<ParsedAhead> {
    const received = await this.rawMessages.findReceived(this.dataSource, rawMessageIds, BATCH_BYTE_BUDGET);
    const entries = await Promise.all(
      rawMessageIds.map(async (id): Promise<[string, ParsedRaw]> => {
        const raw = received.get(id);
        if (!raw) return [id, { kind: 'gone' }];
        if (!raw.raw) return [id, { kind: 'later' }];
        try {
          return [id, { kind: 'parsed', mailboxId: raw.mailboxId, mail: await this.parser.parse(raw.raw) }];
        } catch (error) {
          return [id, { kind: 'failed', size: raw.size, error }];
        }
      }),
    );
    return new Map(entries);
  }

  private async routeTogether(events: MailReceived[], ahead: ParsedAhead = new Map()): Promise<void> {
    let rest = events;
    while (rest.length > 0) {
      const { steps, deferred } = await this.prepare(rest, ahead);
      await this.commit(steps);
      rest = deferred;
    }
  }

  /**
   * Parses (unless parsed ahead) and threads a prefix of `events`; the events after it (past the
   * byte budget, or answering a mail of this prefix) are deferred to a later transaction.
   */
  private async prepare(events: MailReceived[], ahead: ParsedAhead): Promise<{ steps: Step[]; deferred: MailReceived[] }> {
    // Not loaded yet, or the pool (not the message) failed: load and parse again.
    const usable = (entry: ParsedRaw | undefined): entry is ParsedRaw =>
      entry !== undefined && entry.kind !== 'later' && !(entry.kind === 'failed' && !(entry.error instanceof MailParseError));
    const missing = [...new Set(events.map((event) => event.data.rawMessageId))].filter((id) => !usable(ahead.get(id)));
    // Kept with the ones parsed ahead: events deferred below are not parsed twice.
    if (missing.length > 0) for (const [id, entry] of await this.loadAndParse(missing)) ahead.set(id, entry);
    const parsedRaw = (event: MailReceived): ParsedRaw => ahead.get(event.data.rawMessageId)!;
    let end = events.findIndex((event) => parsedRaw(event).kind === 'later');
    if (end < 0) end = events.length;
    const claimed = new Set<string>();
    const parsed = events.slice(0, end).map((event): Step | { event: MailReceived; rawMessageId: string; mailboxId: string; mail: ParsedMail } => {
      const rawMessageId = event.data.rawMessageId;
      const raw = parsedRaw(event);
      // Routed already, or a second event for a mail of this batch (a reconciler's re-emit).
      if ((raw.kind !== 'parsed' && raw.kind !== 'failed') || claimed.has(rawMessageId)) return { kind: 'skip', event };
      claimed.add(rawMessageId);
      if (raw.kind === 'parsed') return { event, rawMessageId, mailboxId: raw.mailboxId, mail: raw.mail };
      // Anything but a MailParseError (a closed pool, a parser that cannot start) is ours: retry later.
      if (!(raw.error instanceof MailParseError)) throw raw.error;
      return { kind: 'quarantine', event, rawMessageId, reason: quarantineReason(raw.error, raw.size, this.parser.maxBytes) };
    });

    const mails = parsed.flatMap((p) => ('mail' in p ? [p.mail] : []));
    const tags = mails.map((mail) => findTicketTag(mail.subject)).filter((tag): tag is string => tag !== null);
    const [byMessageId, byNumber] = await Promise.all([
      this.tickets.ticketsByMessageIds(this.dataSource, [...new Set(mails.flatMap((mail) => threadingCandidates(threadingInput(mail))))]),
      this.tickets.ticketIdsByNumbers(this.dataSource, [...new Set(tags)]),
    ]);
    const steps: Step[] = [];
    const messageIdsInBatch = new Set<string>();
    for (const item of parsed) {
      if (!('mail' in item)) {
        steps.push(item);
        continue;
      }
      const input = threadingInput(item.mail);
      if (threadingCandidates(input).some((id) => messageIdsInBatch.has(id))) break;
      steps.push({ kind: 'route', ...item, decision: decideThread(input, { byMessageId, byNumber }) });
      if (item.mail.messageId) messageIdsInBatch.add(item.mail.messageId);
    }
    return { steps, deferred: events.slice(steps.length) };
  }

  private async commit(steps: Step[]): Promise<void> {
    await this.unitOfWork.runOnceAll(
      CONSUMER,
      steps.map((step) => step.event),
      async (tx, emit, fresh) => {
        const freshIds = new Set(fresh.map((event) => event.id));
        const todo = steps.filter((step): step is Exclude<Step, { kind: 'skip' }> => step.kind !== 'skip' && freshIds.has(step.event.id));
        // Another delivery of the same mail (a reconciler's re-emit) may have won the race.
        const locked = await this.rawMessages.lockReceivedAll(tx, todo.map((step) => step.rawMessageId));
        const live = todo.filter((step) => locked.has(step.rawMessageId));
        const routed = live.filter((step): step is RouteStep => step.kind === 'route');
        for (const step of routed) {
          if (step.decision.kind === 'followup') await this.appendFollowup(tx, emit, step, step.decision);
        }
        await this.openTickets(
          tx,
          emit,
          routed.filter((step) => step.decision.kind === 'new'),
        );
        await this.rawMessages.markTicketedAll(
          tx,
          routed.map((step) => step.rawMessageId),
        );
        for (const step of live) if (step.kind === 'quarantine') await this.quarantine(tx, emit, step.rawMessageId, step.reason);
      },
    );
  }

  private async openTickets(tx: EntityManager, emit: Emit, steps: RouteStep[]): Promise<void> {
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

  private async appendFollowup(tx: EntityManager, emit: Emit, step: RouteStep, decision: Extract<ThreadDecision, { kind: 'followup' }>): Promise<void> {
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

  private async quarantine(tx: EntityManager, emit: Emit, rawMessageId: string, reason: string): Promise<void> {
    await this.rawMessages.markQuarantined(tx, rawMessageId, reason);
    await emit(Subjects.MailQuarantined, { rawMessageId, reason });
    this.logger.warn({ rawMessageId, reason }, 'mail quarantined');
  }

  private async quarantineAlone(event: MailReceived, reason: string): Promise<void> {
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx, emit) => {
      if (await this.rawMessages.lockReceived(tx, event.data.rawMessageId)) await this.quarantine(tx, emit, event.data.rawMessageId, reason);
    });
  }
}

function threadingInput(mail: ParsedMail): { inReplyTo: string[]; references: string[]; subject: string } {
  return { inReplyTo: mail.inReplyTo, references: mail.references, subject: mail.subject };
}

/** Postgres text cannot hold NUL; real mail sometimes does. */
function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
}

function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}
