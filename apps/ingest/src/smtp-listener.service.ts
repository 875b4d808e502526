import type { AddressInfo } from 'node:net';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerEnvelope, type SMTPServerSession } from 'smtp-server';
import type { IngestSettings } from '@casework/config';
import { LOGGER } from '@casework/observability';
import { INGEST_SETTINGS } from './ingest.tokens.js';
import { SmtpPushUseCase } from './smtp-push.use-case.js';

/** How long shutdown lets open sessions finish before answering them 421. */
const CLOSE_GRACE_MS = 5000;
const MAX_RECIPIENTS = 100;
const TEMPORARY_FAILURE = '4.3.0 temporary failure, try again later';

/**
 * A database error for the log without its query parameters (TypeORM attaches them, and one of
 * them is the message itself).
 */
function describeError(error: unknown): { type: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
  return { type: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

/** An SMTP reply for smtp-server: the code and text the client sees. */
function reply(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * Receives mail pushed by a mail server over SMTP (or LMTP with SMTP_LMTP) for the addresses
 * of the mailboxes and queues. 250 only once the raw message and its `mail.received` event have
 * committed; 451 whenever the database fails (the sender keeps the mail and retries); 550 for
 * addresses that are not ours; 552 over SMTP_MAX_BYTES. A retry after a lost 250 carries the
 * same bytes and is recorded as a duplicate, so it opens no second ticket.
 *
 * Logs counts and ids only: never addresses or message content.
 */
@Injectable()
export class SmtpListenerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server: SMTPServer | null = null;
  /** Recipients accepted in each open transaction, with the mailbox each one goes to. */
  private readonly accepted = new WeakMap<SMTPServerEnvelope, Map<string, { address: string; mailboxId: string }>>();
  /** Deliveries whose transaction is still running: shutdown waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SmtpPushUseCase) private readonly useCase: SmtpPushUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.SMTP_LISTEN_PORT) return;
    const protocol = this.settings.SMTP_LMTP ? 'LMTP' : 'SMTP';
    const server = new SMTPServer({
      lmtp: this.settings.SMTP_LMTP,
      banner: `Casework ingest (${protocol})`,
      size: this.settings.SMTP_MAX_BYTES,
      // Plain SMTP on a private interface: no AUTH, no STARTTLS with smtp-server's published demo key.
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      maxRecipients: MAX_RECIPIENTS,
      closeTimeout: CLOSE_GRACE_MS,
      logger: false,
      onRcptTo: (address, session, callback) => this.onRcptTo(address, session, callback),
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    server.on('error', (error) => this.logger.warn({ err: error }, `${protocol} listener error`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.settings.SMTP_LISTEN_PORT, this.settings.SMTP_LISTEN_HOST, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const address = server.server.address() as AddressInfo;
    this.logger.info({ host: address.address, port: address.port, protocol, maxBytes: this.settings.SMTP_MAX_BYTES }, `${protocol} listener accepting pushed mail`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    // Stops accepting; open sessions get CLOSE_GRACE_MS, then 421 (the sender retries).
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Commits already under way finish before the pool closes (their sender may still get 250).
    await Promise.allSettled([...this.inFlight]);
  }

  private onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    const envelope = session.envelope;
    this.useCase.mailboxFor(address.address).then(
      (mailboxId) => {
        if (!mailboxId) {
          this.logger.info({ session: session.id }, 'recipient rejected: no such mailbox');
          return callback(reply(550, `5.1.1 <${address.address}>: no such mailbox here`));
        }
        const recipients = this.accepted.get(envelope) ?? new Map();
        recipients.set(address.address.toLowerCase(), { address: address.address, mailboxId });
        this.accepted.set(envelope, recipients);
        callback();
      },
      (error: unknown) => {
        this.logger.warn({ error: describeError(error), session: session.id }, 'recipient lookup failed: answering 451');
        callback(reply(451, TEMPORARY_FAILURE));
      },
    );
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void): void {
    const envelope = session.envelope;
    let chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      // Past the limit nothing is kept: the message is refused anyway, memory stays bounded.
      if (stream.sizeExceeded) chunks = [];
      else chunks.push(chunk);
    });
    stream.once('end', () => {
      if (stream.sizeExceeded) {
        this.logger.info({ session: session.id, bytes: stream.byteLength, maxBytes: this.settings.SMTP_MAX_BYTES }, 'message rejected: over the size limit');
        return callback(reply(552, `5.3.4 message exceeds the maximum size of ${this.settings.SMTP_MAX_BYTES} bytes`));
      }
      const accepted = this.accepted.get(envelope);
      // Only recipients smtp-server still lists (a repeated RCPT replaces the earlier one).
      const recipients = envelope.rcptTo.map((rcpt) => accepted?.get(rcpt.address.toLowerCase())).filter((r) => r !== undefined);
      if (recipients.length === 0) return callback(reply(503, '5.5.1 no valid recipients'));
      const bytes = Buffer.concat(chunks);
      chunks = [];
      const delivery = this.useCase.deliver({ from: envelope.mailFrom ? envelope.mailFrom.address : '', recipients, bytes }).then(
        (stored) => {
          const ids = stored.map((s) => s.rawMessageId);
          const duplicates = stored.filter((s) => !s.isNew).length;
          this.logger.info({ session: session.id, recipients: recipients.length, bytes: bytes.length, rawMessageIds: ids, duplicates }, 'pushed mail stored');
          callback(null, `2.0.0 stored as ${ids.join(', ')}`);
        },
        (error: unknown) => {
          this.logger.warn({ error: describeError(error), session: session.id, recipients: recipients.length, bytes: bytes.length }, 'storing pushed mail failed: answering 451');
          callback(reply(451, TEMPORARY_FAILURE));
        },
      );
      this.inFlight.add(delivery);
      void delivery.finally(() => this.inFlight.delete(delivery));
    });
  }
}
