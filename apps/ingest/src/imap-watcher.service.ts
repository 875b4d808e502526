import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { IngestSettings } from '@casework/config';
import { MailboxRepository, type MailboxRecord } from '@casework/database';
import { LOGGER } from '@casework/observability';
import { INGEST_SETTINGS } from './ingest.tokens.js';
import { MailStoreService } from './mail-store.service.js';

const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 60_000;
// Servers drop IDLE after 30 min (RFC 2177); re-issue well before.
const IDLE_RESTART_MS = 25 * 60_000;

/**
 * Watches the configured mailbox: catches up from the stored cursor, then IDLEs and
 * fetches as soon as the server announces new mail. Reconnects with jittered backoff.
 */
@Injectable()
export class ImapWatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopping = false;
  private client: ImapFlow | null = null;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(MailStoreService) private readonly store: MailStoreService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const mailbox = await this.mailboxes.upsertBootstrap(this.dataSource, {
      address: this.settings.MAIL_FROM,
      imapHost: this.settings.IMAP_HOST,
      imapPort: this.settings.IMAP_PORT,
      imapUser: this.settings.IMAP_USER,
      folder: this.settings.IMAP_MAILBOX,
    });
    this.running = this.watch(mailbox);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.client?.logout().catch(() => this.client?.close());
    await this.running;
  }

  private async watch(mailbox: MailboxRecord): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.session(mailbox, () => (failures = 0));
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn({ err: error, mailboxId: mailbox.id }, 'IMAP session ended');
      }
      if (this.stopping) break;
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** failures++) * (0.5 + Math.random() / 2);
      this.logger.info({ mailboxId: mailbox.id, retryInMs: Math.round(delay) }, 'reconnecting to IMAP');
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, delay);
      });
    }
  }

  private async session(mailbox: MailboxRecord, onConnected: () => void): Promise<void> {
    const client = new ImapFlow({
      host: this.settings.IMAP_HOST,
      port: this.settings.IMAP_PORT,
      secure: this.settings.IMAP_TLS,
      auth: { user: this.settings.IMAP_USER, pass: this.settings.IMAP_PASSWORD },
      logger: false,
      disableAutoIdle: true,
      maxIdleTime: IDLE_RESTART_MS,
    });
    this.client = client;
    let newMail = true;
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.on('error', (error: Error) => this.logger.warn({ err: error }, 'IMAP connection error'));
    client.on('exists', () => {
      newMail = true;
      this.wake?.();
    });
    try {
      await client.connect();
      const opened = await client.mailboxOpen(this.settings.IMAP_MAILBOX);
      onConnected();
      this.logger.info({ mailboxId: mailbox.id, folder: opened.path, exists: opened.exists }, 'watching mailbox');
      while (!this.stopping && client.usable) {
        if (newMail) {
          newMail = false;
          await this.catchUp(client, mailbox, BigInt(opened.uidValidity));
          continue;
        }
        // IDLE runs until the next command; the 'exists' handler wakes us to issue it.
        void client.idle().catch(() => undefined);
        await Promise.race([new Promise<void>((resolve) => (this.wake = resolve)), closed]);
      }
      if (!this.stopping) throw new Error('IMAP connection closed');
    } finally {
      this.wake = null;
      this.client = null;
      if (client.usable) await client.logout().catch(() => client.close());
    }
  }

  /** Fetches everything above the cursor in bounded batches, oldest first. */
  private async catchUp(client: ImapFlow, mailbox: MailboxRecord, uidValidity: bigint): Promise<void> {
    const cursor = await this.mailboxes.cursor(this.dataSource, mailbox.id);
    const validityChanged = cursor !== null && cursor.uidValidity !== uidValidity;
    if (validityChanged) this.logger.warn({ mailboxId: mailbox.id }, 'UIDVALIDITY changed: rescanning the folder (stored messages are recognised by content)');
    let lastUid = cursor && !validityChanged ? cursor.lastUid : 0n;

    const found = await client.search({ uid: `${lastUid + 1n}:*` }, { uid: true });
    const uids = (found || []).map((uid) => BigInt(uid)).filter((uid) => uid > lastUid).sort((a, b) => (a < b ? -1 : 1));
    let stored = 0;
    for (let start = 0; start < uids.length && !this.stopping; start += this.settings.IMAP_BATCH_SIZE) {
      const batch = uids.slice(start, start + this.settings.IMAP_BATCH_SIZE);
      const fetched = client.fetch(batch.map(String).join(','), { uid: true, source: true }, { uid: true });
      for await (const message of fetched) {
        if (!message.source) continue;
        const uid = BigInt(message.uid);
        if (await this.store.store(mailbox.id, uidValidity, { uid, source: message.source })) stored++;
        if (uid > lastUid) lastUid = uid;
      }
    }
    if (stored > 0) this.logger.info({ mailboxId: mailbox.id, stored, lastUid: lastUid.toString() }, 'stored new mail');
  }
}
