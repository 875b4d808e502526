import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Subjects } from '@casework/contracts';
import { OutboundRepository, TicketRepository, type NewArticle, type OutboundRecord } from '@casework/database';
import { SmtpMailer, type OutgoingMail } from '@casework/mail';
import { PeriodicTask, UnitOfWork } from '@casework/messaging';
import { LOGGER } from '@casework/observability';

const MAX_ATTEMPTS = 10;
const RETRY_SWEEP_MS = 5000;
/** Due messages one sweep sends together. */
const SWEEP_BATCH = 50;

/**
 * Sends queued outbound mail, a batch per transaction. The rows are locked (FOR UPDATE SKIP
 * LOCKED) while their SMTP conversations run, concurrently over the mailer's pooled
 * connections, so two senders never send one message twice at once. A message the server
 * refuses marks only its own attempt failed (the retry sweep tries it again); the others are
 * recorded sent, with their outbound articles and reply.sent events, in the same commit. A
 * crash after the server's 250 and before our commit resends with the same Message-ID, which
 * receivers recognise as one message.
 */
@Injectable()
export class OutboundSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly retries: PeriodicTask;

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboundRepository) private readonly outbound: OutboundRepository,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(SmtpMailer) private readonly mailer: SmtpMailer,
  ) {
    this.retries = new PeriodicTask('outbound retry sweep', RETRY_SWEEP_MS, () => this.retryDue(), logger);
  }

  onApplicationBootstrap(): void {
    this.retries.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.retries.stop();
    this.mailer.close();
  }

  /** Sends one queued message; returns false when it was already sent, is being sent, or was refused. */
  async send(outboundId: string): Promise<boolean> {
    return (await this.sendAll([outboundId])).has(outboundId);
  }

  /** Sends queued messages together; returns the ids sent now (not those already sent, being sent elsewhere, or refused). */
  async sendAll(outboundIds: string[]): Promise<Set<string>> {
    if (outboundIds.length === 0) return new Set();
    const refused: { outboundId: string; error: unknown }[] = [];
    const sent = await this.unitOfWork.run(async (tx, emit) => {
      const messages = await this.outbound.lockQueuedAll(tx, outboundIds);
      const results = await Promise.allSettled(messages.map((message) => this.mailer.send(toMail(message))));
      const accepted: OutboundRecord[] = [];
      for (const [i, result] of results.entries()) {
        if (result.status === 'fulfilled') accepted.push(messages[i]);
        else refused.push({ outboundId: messages[i].id, error: result.reason });
      }
      // Failures are the exception (one statement each keeps the shared backoff rule in one place).
      for (const { outboundId, error } of refused) await this.outbound.markAttemptFailed(tx, outboundId, errorText(error), MAX_ATTEMPTS);
      await this.outbound.markSentAll(
        tx,
        accepted.map((message) => message.id),
      );
      const articleIds = await this.tickets.addArticles(tx, accepted.map(toArticle));
      for (const [i, message] of accepted.entries()) {
        await emit(Subjects.ReplySent, { outboundId: message.id, ticketId: message.ticketId, articleId: articleIds[i], kind: message.kind, messageId: message.messageId });
      }
      return accepted.map((message) => message.id);
    });
    for (const { outboundId, error } of refused) this.logger.warn({ err: error, outboundId }, 'SMTP send failed; will retry');
    if (sent.length > 0) this.logger.info({ outboundIds: sent }, 'outbound mail sent');
    return new Set(sent);
  }

  private async retryDue(): Promise<void> {
    await this.sendAll(await this.outbound.dueIds(this.dataSource, SWEEP_BATCH));
  }
}

function toMail(message: OutboundRecord): OutgoingMail {
  return {
    from: message.fromEmail,
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    // RFC 3834: mark machine answers so well-behaved responders do not answer them.
    headers: message.kind === 'acknowledgement' ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : undefined,
  };
}

/** The ticket's record of a sent message. */
function toArticle(message: OutboundRecord): NewArticle {
  return {
    ticketId: message.ticketId,
    direction: 'outbound',
    from: { email: message.fromEmail, name: null },
    to: [message.to],
    cc: [],
    subject: message.subject,
    text: message.text,
    html: null,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    automated: message.kind === 'acknowledgement',
    outboundId: message.id,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
