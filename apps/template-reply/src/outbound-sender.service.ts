import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { TemplateReplySettings } from '@casework/config';
import { Subjects } from '@casework/contracts';
import { AttachmentRepository, OutboundDeliveryRepository, TicketRepository, type AttemptRecord, type ClaimedOutbound, type NewArticle, type OutboundRecord } from '@casework/database';
import { afterFailedAttempt, isPermanentFailure, type RetrySchedule } from '@casework/domain';
import { SmtpMailer, SmtpSendError, type SmtpAcceptance } from '@casework/mail';
import { PeriodicTask, UnitOfWork, type Emit } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { outgoingMail } from './outgoing-mail.js';
import { TEMPLATE_REPLY_SETTINGS } from './template-reply.tokens.js';

/** Due messages one sweep sends together. */
const SWEEP_BATCH = 50;
/** Batches sent in the background at once (sendSoon): the next batch is rendered and queued while one talks SMTP. */
const BACKGROUND_BATCHES = 2;

type Attempt = { message: ClaimedOutbound } & ({ ok: true; acceptance: SmtpAcceptance } | { ok: false; failure: SmtpSendError });

/**
 * Sends outbound mail: `queued → sending → sent | failed`. A batch is claimed in one short
 * transaction (`sending`, with a lease), its SMTP conversations run concurrently over the
 * mailer's pooled connections with no transaction open, and every outcome is recorded in a
 * second one, with the reply.sent / reply.failed events. A 5xx fails a message at once; a 4xx
 * or a connection error queues it again with exponential backoff until OUTBOUND_MAX_ATTEMPTS.
 * A crash after the server's 250 and before the record leaves the row `sending`; the retry sweep
 * takes it again once the lease has passed and resends it with the same Message-ID.
 */
@Injectable()
export class OutboundSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly retries: PeriodicTask;
  private readonly schedule: RetrySchedule;
  private readonly background = new Set<Promise<void>>();

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TEMPLATE_REPLY_SETTINGS) private readonly settings: TemplateReplySettings,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboundDeliveryRepository) private readonly delivery: OutboundDeliveryRepository,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(SmtpMailer) private readonly mailer: SmtpMailer,
  ) {
    this.schedule = { maxAttempts: settings.OUTBOUND_MAX_ATTEMPTS, baseMs: settings.OUTBOUND_RETRY_BASE_MS, factor: settings.OUTBOUND_RETRY_FACTOR };
    this.retries = new PeriodicTask('outbound retry sweep', settings.OUTBOUND_RETRY_SWEEP_MS, () => this.retryDue(), logger);
  }

  onApplicationBootstrap(): void {
    this.retries.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.retries.stop();
    await Promise.all(this.background);
    this.mailer.close();
  }

  /**
   * Sends committed rows in the background, at most BACKGROUND_BATCHES at a time (waiting for a
   * slot): the caller's events are done once their rows are committed, since a row that is not
   * sent now (an error, a crash) is the retry sweep's.
   */
  async sendSoon(outboundIds: string[]): Promise<void> {
    if (outboundIds.length === 0) return;
    while (this.background.size >= BACKGROUND_BATCHES) await Promise.race(this.background);
    const sending: Promise<void> = this.sendAll(outboundIds)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn({ err: error, outboundIds }, 'sending a batch failed; the retry sweep takes it'))
      .finally(() => this.background.delete(sending));
    this.background.add(sending);
  }

  /** Sends one message; returns false when it was not sent now (already sent, being sent elsewhere, refused or deferred). */
  async send(outboundId: string): Promise<boolean> {
    return (await this.sendAll([outboundId])).has(outboundId);
  }

  /** Sends messages together; returns the ids sent now (not those already sent, being sent elsewhere, refused or deferred). */
  async sendAll(outboundIds: string[]): Promise<Set<string>> {
    if (outboundIds.length === 0) return new Set();
    const claimId = randomUUID();
    const claimed = await this.dataSource.transaction((tx) => this.delivery.claim(tx, outboundIds, claimId, this.settings.OUTBOUND_SENDING_LEASE_MS, this.schedule.maxAttempts));
    if (claimed.length === 0) return new Set();
    const attempts = await Promise.all(claimed.map((message) => this.attempt(message)));
    const outcomes = attempts.map((attempt) => this.outcomeOf(attempt));
    const sent = await this.unitOfWork.run(async (tx, emit) => {
      // Only what is still under this claim is ours to record and announce (a lease that ran out was taken over).
      const recorded = await this.delivery.record(tx, claimId, outcomes);
      // Rows queued before articles were written with them get theirs once sent, as they used to.
      const articleless = attempts.filter((attempt) => attempt.ok && attempt.message.articleId === null && recorded.has(attempt.message.id)).map(({ message }) => message);
      const articleIds = await this.tickets.addArticles(tx, articleless.map(legacyArticle));
      articleless.forEach((message, i) => (message.articleId = articleIds[i]!));
      for (const [i, attempt] of attempts.entries()) if (recorded.has(attempt.message.id)) await this.announce(emit, attempt, outcomes[i]!);
      return attempts.filter((attempt) => attempt.ok && recorded.has(attempt.message.id)).map(({ message }) => message.id);
    });
    this.log(attempts, outcomes);
    return new Set(sent);
  }

  private async attempt(message: ClaimedOutbound): Promise<Attempt> {
    try {
      const files = message.hasAttachments && message.articleId ? await this.attachments.contentOfArticle(this.dataSource, message.articleId) : [];
      return { message, ok: true, acceptance: await this.mailer.send(outgoingMail(message, files)) };
    } catch (error) {
      return { message, ok: false, failure: SmtpSendError.of(error) };
    }
  }

  private outcomeOf(attempt: Attempt): AttemptRecord {
    const { message } = attempt;
    if (attempt.ok) {
      const rejected = attempt.acceptance.rejected;
      return { id: message.id, state: 'sent', raw: attempt.acceptance.raw, error: rejected.length > 0 ? `not accepted for ${rejected.join(', ')}` : null };
    }
    const next = afterFailedAttempt(attempt.failure, message.attempts, this.schedule);
    const error = attempt.failure.message;
    return next.state === 'queued' ? { id: message.id, state: 'queued', retryInMs: next.retryInMs, error } : { id: message.id, state: 'failed', error };
  }

  private async announce(emit: Emit, attempt: Attempt, outcome: AttemptRecord): Promise<void> {
    const { message } = attempt;
    if (outcome.state === 'sent') {
      await emit(Subjects.ReplySent, { outboundId: message.id, ticketId: message.ticketId, articleId: message.articleId!, kind: message.kind, messageId: message.messageId });
    } else if (outcome.state === 'failed') {
      await emit(Subjects.ReplyFailed, failedEvent(message, outcome.error ?? 'failed', !attempt.ok && isPermanentFailure(attempt.failure)));
    }
  }

  private log(attempts: Attempt[], outcomes: AttemptRecord[]): void {
    const sent = outcomes.filter((o) => o.state === 'sent').map((o) => o.id);
    if (sent.length > 0) this.logger.info({ outboundIds: sent }, 'outbound mail sent');
    attempts.forEach((attempt, i) => {
      const outcome = outcomes[i]!;
      if (attempt.ok) return;
      const fields = { outboundId: attempt.message.id, attempts: attempt.message.attempts, responseCode: attempt.failure.responseCode, error: attempt.failure.message };
      if (outcome.state === 'queued') this.logger.warn({ ...fields, retryInMs: outcome.retryInMs }, 'SMTP send failed; will retry');
      else this.logger.error(fields, 'outbound mail failed: it will not be delivered');
    });
  }

  private async retryDue(): Promise<void> {
    await this.failAbandoned();
    await this.sendAll(await this.delivery.dueIds(this.dataSource, SWEEP_BATCH));
  }

  /** A message whose sender died during its last allowed attempt fails visibly instead of staying `sending`. */
  private async failAbandoned(): Promise<void> {
    const abandoned = await this.unitOfWork.run(async (tx, emit) => {
      const rows = await this.delivery.failAbandoned(tx, this.schedule.maxAttempts);
      for (const row of rows) await emit(Subjects.ReplyFailed, failedEvent(row, 'the sender stopped during the last attempt', false));
      return rows;
    });
    for (const row of abandoned) this.logger.error({ outboundId: row.id, attempts: row.attempts }, 'outbound mail failed: its sender stopped during the last attempt');
  }
}

function legacyArticle(message: OutboundRecord): NewArticle {
  return {
    ticketId: message.ticketId,
    direction: 'outbound',
    from: { email: message.fromEmail, name: null },
    to: [message.to],
    cc: message.cc,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    automated: message.kind === 'acknowledgement',
    outboundId: message.id,
  };
}

function failedEvent(message: OutboundRecord, error: string, permanent: boolean) {
  return { outboundId: message.id, ticketId: message.ticketId, articleId: message.articleId, kind: message.kind, messageId: message.messageId, attempts: message.attempts, error: error.slice(0, 500), permanent };
}
