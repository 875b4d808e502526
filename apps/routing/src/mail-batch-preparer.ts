import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventEnvelope, Subjects } from '@casework/contracts';
import { RawMessageRepository } from '@casework/database';
import { applyHashListHit, decideRouting, reportedMessageIds, threadingCandidates, type RoutingDecision } from '@casework/domain';
import { MailParseError, MailParserPool, routingFactsOf, type ParsedMail } from '@casework/mail';
import { HashListScreen } from './hash-list-screen.js';
import { quarantineReason } from './quarantine-reason.js';
import { RoutingContextLoader, type MailToDecide } from './routing-context-loader.js';
import { RoutingSignals } from './routing-signals.js';

/** Bytes of raw mail one batch loads at most (a bigger first message is loaded alone). */
const BATCH_BYTE_BUDGET = 32 * 1024 * 1024;

/** A reply waits for an original stored this recently that another router has not finished. */
const ORIGINAL_WAIT_MS = 60_000;

export type MailReceived = EventEnvelope<typeof Subjects.MailReceived>;

/** What one event of a batch comes to once its mail is parsed and decided. */
export type Step =
  | { kind: 'skip'; event: MailReceived }
  | { kind: 'quarantine'; event: MailReceived; rawMessageId: string; reason: string }
  | { kind: 'route'; event: MailReceived; rawMessageId: string; mailboxId: string; arrivalNumber: bigint | null; mail: ParsedMail; decision: RoutingDecision };

export type RouteStep = Extract<Step, { kind: 'route' }>;

/** A routed step whose decision is of one action. */
export type DecidedStep<A extends RoutingDecision['action']> = RouteStep & { decision: Extract<RoutingDecision, { action: A }> };

/**
 * A raw message as loading and parsing left it: parsed, or refused by the parser (or the pool
 * failed: `error` not a MailParseError), or no longer waiting for routing (`gone`), or not
 * loaded for lack of byte budget (`later`).
 */
export type ParsedRaw =
  | { kind: 'parsed'; mailboxId: string; envelopeTo: string[] | null; arrivalNumber: bigint | null; mail: ParsedMail }
  | { kind: 'failed'; size: number; error: unknown }
  | { kind: 'gone' }
  | { kind: 'later' };

/** Raw messages of a batch parsed ahead of it, by raw message id (see RouteMailUseCase.parseAhead). */
export type ParsedAhead = Map<string, ParsedRaw>;

/**
 * The part of routing a batch that writes nothing: its raw messages loaded (within the byte
 * budget) and parsed in the parser pool, their rule outcome, triage and language computed, the
 * look-ups of the whole batch made (its attachments against the hash lists among them), and each
 * mail decided (libs/domain decideRouting, then applyHashListHit).
 */
@Injectable()
export class MailBatchPreparer {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
    @Inject(MailParserPool) private readonly parser: MailParserPool,
    @Inject(RoutingContextLoader) private readonly context: RoutingContextLoader,
    @Inject(RoutingSignals) private readonly signals: RoutingSignals,
    @Inject(HashListScreen) private readonly hashLists: HashListScreen,
  ) {}

  /** Loads these raw messages (those still waiting, within the byte budget) and parses them. */
  async loadAndParse(rawMessageIds: string[]): Promise<ParsedAhead> {
    const received = await this.rawMessages.findReceived(this.dataSource, rawMessageIds, BATCH_BYTE_BUDGET);
    const entries = await Promise.all(
      rawMessageIds.map(async (id): Promise<[string, ParsedRaw]> => {
        const raw = received.get(id);
        if (!raw) return [id, { kind: 'gone' }];
        if (!raw.raw) return [id, { kind: 'later' }];
        try {
          return [id, { kind: 'parsed', mailboxId: raw.mailboxId, envelopeTo: raw.envelopeTo, arrivalNumber: raw.arrivalNumber, mail: await this.parser.parse(raw.raw) }];
        } catch (error) {
          return [id, { kind: 'failed', size: raw.size, error }];
        }
      }),
    );
    return new Map(entries);
  }

  /**
   * Parses (unless parsed ahead) and decides a prefix of `events`; the events after it (past the
   * byte budget, or answering a mail of this prefix) are deferred to a later transaction.
   * `waiting`: mail of the prefix answering a mail stored earlier that is not routed yet (another
   * router has it: with several routers on one consumer it may commit after this batch), or
   * answering such a waiting mail; they are handed back to be delivered again shortly.
   */
  async prepare(events: MailReceived[], ahead: ParsedAhead): Promise<{ steps: Step[]; deferred: MailReceived[]; waiting: MailReceived[] }> {
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
    type Parsed = { event: MailReceived; rawMessageId: string; mailboxId: string; arrivalNumber: bigint | null; mail: ParsedMail; toDecide: MailToDecide };
    const signals = await this.signals.forBatch();
    const parsed = events.slice(0, end).map((event): Step | Parsed => {
      const rawMessageId = event.data.rawMessageId;
      const raw = parsedRaw(event);
      // Routed already, or a second event for a mail of this batch (a reconciler's re-emit).
      if ((raw.kind !== 'parsed' && raw.kind !== 'failed') || claimed.has(rawMessageId)) return { kind: 'skip', event };
      claimed.add(rawMessageId);
      if (raw.kind === 'parsed') {
        const facts = routingFactsOf(raw.mail, raw.envelopeTo);
        const { triage, language } = signals.contentOf(raw.mail);
        const rules = signals.rulesFor(raw.mail, facts, triage, language);
        return { event, rawMessageId, mailboxId: raw.mailboxId, arrivalNumber: raw.arrivalNumber, mail: raw.mail, toDecide: { mail: facts, mailboxId: raw.mailboxId, triage, language, rules } };
      }
      // Anything but a MailParseError (a closed pool, a parser that cannot start) is ours: retry later.
      if (!(raw.error instanceof MailParseError)) throw raw.error;
      return { kind: 'quarantine', event, rawMessageId, reason: quarantineReason(raw.error, raw.size, this.parser.maxBytes) };
    });
    const toDecide = parsed.flatMap((p) => ('toDecide' in p ? [p.toDecide] : []));
    if (toDecide.length === 0) return { steps: parsed as Step[], deferred: events.slice(parsed.length), waiting: [] };
    // The ids each mail answers or reports on, once: for the look-up of pending originals and the loop below.
    const answered = new Map(toDecide.map((item) => [item, [...threadingCandidates(item.mail), ...reportedMessageIds(item.mail)]]));
    const [context, screen, pending] = await Promise.all([
      this.context.load(toDecide),
      this.hashLists.screen(parsed.flatMap((p) => ('toDecide' in p ? [p.mail] : []))),
      this.rawMessages.pendingOriginals(this.dataSource, [...new Set([...answered.values()].flat())], events.map((event) => event.data.rawMessageId), ORIGINAL_WAIT_MS),
    ]);
    const steps: Step[] = [];
    const waiting: MailReceived[] = [];
    const messageIdsInBatch = new Set<string>();
    let consumed = 0;
    for (const item of parsed) {
      if (!('toDecide' in item)) {
        steps.push(item);
        consumed += 1;
        continue;
      }
      const ids = answered.get(item.toDecide)!;
      // Its original is another router's, not committed yet (or waits itself): wait for it.
      if (ids.some((id) => pending.has(id))) {
        waiting.push(item.event);
        if (item.mail.messageId) pending.add(item.mail.messageId);
        consumed += 1;
        continue;
      }
      // A mail answering (or reporting on) one earlier in this batch must see the ticket that one opens.
      if (ids.some((id) => messageIdsInBatch.has(id))) break;
      const { toDecide, ...step } = item;
      const decision = decideRouting(context.inputFor(toDecide));
      const hit = screen.hitOf(item.mail);
      steps.push({ kind: 'route', ...step, decision: hit ? applyHashListHit(decision, hit, screen.childSafetyQueueId!, toDecide.language) : decision });
      if (item.mail.messageId) messageIdsInBatch.add(item.mail.messageId);
      consumed += 1;
    }
    return { steps, deferred: events.slice(consumed), waiting };
  }
}
