import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { Subjects } from '@casework/contracts';
import { RawMessageRepository } from '@casework/database';
import { DomainError, type RoutingDecision } from '@casework/domain';
import { togetherElseOneByOne, UnitOfWork, type BatchOutcome, type Emit } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { InboundMailWriter } from './inbound-mail-writer.js';
import { MailBatchPreparer, type DecidedStep, type MailReceived, type ParsedAhead, type RouteStep, type Step } from './mail-batch-preparer.js';

const CONSUMER = 'routing';

/**
 * mail.received → parse → decide (libs/domain decideRouting) → ticket, follow-up, system note
 * or drop. Events come in batches (a lone event is a batch of one): the bytes are loaded in one
 * query and parsed in the parser pool's worker threads under a time and size budget (a message
 * that blows it is quarantined and the others flow on); the look-ups of the whole batch and the
 * decisions run before the transaction, and its writes, the raw messages' new status and the
 * events commit together, once per batch.
 *
 * Order is kept: batches commit one at a time, and a mail answering one earlier in its own batch
 * starts the next batch, so it sees the ticket its original opened. Loading and parsing depend
 * on no earlier batch, so `parseAhead` does them for the next batch while one commits.
 */
@Injectable()
export class RouteMailUseCase {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
    @Inject(MailBatchPreparer) private readonly preparer: MailBatchPreparer,
    @Inject(InboundMailWriter) private readonly writer: InboundMailWriter,
  ) {}

  /** Routes one event (a batch of one). */
  async execute(event: MailReceived, ahead?: ParsedAhead): Promise<void> {
    let waiting: Set<string>;
    try {
      waiting = await this.routeTogether([event], ahead);
    } catch (error) {
      // Content Postgres refuses (SQLSTATE class 22) will never store: keep it raw, move on.
      if (!isDataException(error)) throw error;
      await this.quarantineAlone(event, `content rejected by the database: ${(error as Error).message}`);
      return;
    }
    if (waiting.has(event.id)) throw awaitingEarlierMail();
  }

  /**
   * Routes a batch in as few transactions as order allows. When the batch as a whole fails (one
   * message the database refuses, a lock timeout) its events are routed one by one, so one bad
   * message costs the others nothing.
   */
  async executeAll(events: MailReceived[], ahead?: ParsedAhead): Promise<BatchOutcome[]> {
    const waiting = new Set<string>();
    const outcomes = await togetherElseOneByOne(
      events,
      async (batch) => {
        if (batch.length === 1) return this.execute(batch[0], ahead);
        for (const id of await this.routeTogether(batch, ahead)) waiting.add(id);
      },
      (error) => this.logger.warn({ err: error, events: events.length }, 'routing a batch failed: routing its events one by one'),
    );
    // A waiting mail fails alone (a retryable error: delivered again shortly); the batch committed.
    return outcomes.map((outcome, i) => (outcome.ok && waiting.has(events[i].id) ? { ok: false, error: awaitingEarlierMail() } : outcome));
  }

  /**
   * Loads and parses the mail of `events` (as much as the byte budget allows) without touching
   * anything: what the batch's routing would do first, done while the batch before it commits.
   */
  parseAhead(events: MailReceived[]): Promise<ParsedAhead> {
    return this.preparer.loadAndParse([...new Set(events.map((event) => event.data.rawMessageId))]);
  }

  /** Returns the ids of the events left waiting for an earlier mail (see MailBatchPreparer.prepare). */
  private async routeTogether(events: MailReceived[], ahead: ParsedAhead = new Map()): Promise<Set<string>> {
    const waiting = new Set<string>();
    let rest = events;
    while (rest.length > 0) {
      const prepared = await this.preparer.prepare(rest, ahead);
      if (prepared.steps.length > 0) await this.commit(prepared.steps);
      for (const event of prepared.waiting) waiting.add(event.id);
      rest = prepared.deferred;
    }
    return waiting;
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
        const opens: DecidedStep<'open'>[] = [];
        for (const step of routed) {
          if (isDecided(step, 'followup')) await this.writer.appendFollowup(tx, emit, step);
          else if (isDecided(step, 'note')) await this.writer.attachNote(tx, emit, step);
          else if (isDecided(step, 'drop')) await this.drop(tx, emit, step.rawMessageId, step.decision.reason);
          else if (isDecided(step, 'open')) opens.push(step);
        }
        await this.writer.openTickets(tx, emit, opens);
        await this.rawMessages.markTicketedAll(
          tx,
          routed.filter((step) => step.decision.action !== 'drop').map((step) => step.rawMessageId),
        );
        for (const step of live) if (step.kind === 'quarantine') await this.quarantine(tx, emit, step.rawMessageId, step.reason);
      },
    );
  }

  private async quarantine(tx: EntityManager, emit: Emit, rawMessageId: string, reason: string): Promise<void> {
    await this.rawMessages.markQuarantined(tx, rawMessageId, reason);
    await emit(Subjects.MailQuarantined, { rawMessageId, reason });
    this.logger.warn({ rawMessageId, reason }, 'mail quarantined');
  }

  /** Recorded with its reason, not routed (the loop guard). */
  private async drop(tx: EntityManager, emit: Emit, rawMessageId: string, reason: string): Promise<void> {
    await this.rawMessages.markDropped(tx, rawMessageId, reason);
    await emit(Subjects.MailDropped, { rawMessageId, reason });
    this.logger.info({ rawMessageId, reason }, 'mail dropped');
  }

  private async quarantineAlone(event: MailReceived, reason: string): Promise<void> {
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx, emit) => {
      if (await this.rawMessages.lockReceived(tx, event.data.rawMessageId)) await this.quarantine(tx, emit, event.data.rawMessageId, reason);
    });
  }
}

function isDecided<A extends RoutingDecision['action']>(step: RouteStep, action: A): step is DecidedStep<A> {
  return step.decision.action === action;
}

function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}

function awaitingEarlierMail(): DomainError {
  return new DomainError('AwaitingEarlierMail', 'this mail answers one stored earlier that is still being routed: it waits for its ticket');
}
