import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Subjects } from '@casework/contracts';
import { OutboundRepository, TicketRepository, type OutboundRecord } from '@casework/database';
import { SmtpMailer } from '@casework/mail';
import { PeriodicTask, UnitOfWork } from '@casework/messaging';
import { LOGGER } from '@casework/observability';

const MAX_ATTEMPTS = 10;
const RETRY_SWEEP_MS = 5000;

/**
 * Sends queued outbound mail. The row is locked while the SMTP conversation runs, so two
 * senders never send one message twice at once; a crash after the server's 250 and before
 * our commit resends with the same Message-ID, which receivers recognise as one message.
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

  /** Sends one queued message; returns false when it was already sent or is being sent. */
  async send(outboundId: string): Promise<boolean> {
    let failure: unknown = null;
    const sent = await this.unitOfWork.run(async (tx, emit) => {
      const message = await this.outbound.lockQueued(tx, outboundId);
      if (!message) return false;
      try {
        await this.mailer.send(toMail(message));
      } catch (error) {
        failure = error;
        await this.outbound.markAttemptFailed(tx, message.id, (error as Error).message, MAX_ATTEMPTS);
        return false;
      }
      await this.outbound.markSent(tx, message.id);
      const articleId = await this.tickets.addArticle(tx, {
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
      });
      await emit(Subjects.ReplySent, { outboundId: message.id, ticketId: message.ticketId, articleId, kind: message.kind, messageId: message.messageId });
      return true;
    });
    if (failure) this.logger.warn({ err: failure, outboundId }, 'SMTP send failed; will retry');
    else if (sent) this.logger.info({ outboundId }, 'outbound mail sent');
    return sent;
  }

  private async retryDue(): Promise<void> {
    for (const id of await this.outbound.dueIds(this.dataSource, 50)) await this.send(id);
  }

}

function toMail(message: OutboundRecord) {
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
