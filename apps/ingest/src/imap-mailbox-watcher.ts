import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AfterCommitAction, AfterCommitActionRepository, MailboxCursorRepository, WatcherState, WatcherStatus } from '@casework/database';
import { applyPendingActions } from './after-commit-actions.js';
import { CatchUpProgress } from './catch-up-progress.js';
import type { FetchedMessage, MailStoreService } from './mail-store.service.js';
import { statusErrorOf } from './status-error.js';

const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 60_000;
// Servers drop IDLE after 30 min (RFC 2177); re-issue well before.
const IDLE_RESTART_MS = 25 * 60_000;
/** Without IDLE the folder is searched this often. */
export const POLL_INTERVAL_MS = 10_000;
/** At most this many fetched messages, or this many bytes, commit in one transaction. */
const STORE_CHUNK_MESSAGES = 100;
const STORE_CHUNK_BYTES = 16 * 1024 * 1024;

/** One IMAP mailbox as its holder watches it, the password opened. */
export interface WatchedMailbox {
  id: string;
  imapHost: string;
  imapPort: number;
  imapTls: boolean;
  imapUser: string;
  password: string;
  folder: string;
  afterCommit: AfterCommitAction;
}

export interface WatcherOptions {
  logger: Logger;
  dataSource: DataSource;
  cursors: MailboxCursorRepository;
  actions: AfterCommitActionRepository;
  store: Pick<MailStoreService, 'storeFetched'>;
  /** Messages fetched per catch-up batch: bounds memory during a backlog. */
  batchSize: number;
  /** How often a long catch-up logs its progress. */
  progressIntervalMs: number;
  /** Search interval when the server lacks IDLE (default POLL_INTERVAL_MS). */
  pollIntervalMs?: number;
  /** Called on every state change (the lease then writes the status row soon). */
  onStatusChange?: (status: WatcherStatus) => void;
  /** Tests replace the IMAP client. */
  createClient?: (options: ImapFlowOptions) => ImapFlow;
}

/**
 * Watches one mailbox for the replica holding its lease: catches up from the stored cursor
 * in bounded UID batches, then IDLEs (or, on a server without IDLE, searches every 10 s) and
 * fetches as soon as new mail is announced. Reconnects with jittered backoff.
 *
 * After-commit actions (\Seen, MOVE) come from mailbox_pending_action, whose rows the storing
 * transaction wrote: they exist only once the message has committed. An action that fails
 * stays queued and is retried at the next catch-up, by this holder or the next one.
 */
export class ImapMailboxWatcher {
  private stopping = false;
  private client: ImapFlow | null = null;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private current: WatcherStatus = { state: 'connecting', lagMessages: null, catchUpTotal: null, lastError: null, lastErrorAt: null };

  constructor(
    readonly mailbox: WatchedMailbox,
    private readonly options: WatcherOptions,
  ) {}

  get status(): WatcherStatus {
    return { ...this.current };
  }

  start(): void {
    this.running ??= this.watch();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const client = this.client;
    await client?.logout().catch(() => client.close());
    await this.running;
  }

  private get log(): Logger {
    return this.options.logger;
  }

  private report(state: WatcherState, change: Partial<WatcherStatus> = {}): void {
    const changed = state !== this.current.state;
    this.current = { ...this.current, ...change, state };
    if (changed || change.lastError) this.options.onStatusChange?.(this.status);
  }

  private async watch(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.session(() => (failures = 0));
      } catch (error) {
        if (this.stopping) break;
        const message = statusErrorOf(error);
        this.report('error', { lastError: message, lastErrorAt: new Date() });
        this.log.warn({ err: error, mailboxId: this.mailbox.id }, 'IMAP session ended');
      }
      if (this.stopping) break;
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** failures++) * (0.5 + Math.random() / 2);
      this.log.info({ mailboxId: this.mailbox.id, retryInMs: Math.round(delay) }, 'reconnecting to IMAP');
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, delay);
      });
    }
  }

  private async session(onConnected: () => void): Promise<void> {
    const { mailbox } = this;
    const options: ImapFlowOptions = {
      host: mailbox.imapHost,
      port: mailbox.imapPort,
      secure: mailbox.imapTls,
      auth: { user: mailbox.imapUser, pass: mailbox.password },
      logger: false,
      disableAutoIdle: true,
      maxIdleTime: IDLE_RESTART_MS,
    };
    const client = this.options.createClient ? this.options.createClient(options) : new ImapFlow(options);
    this.client = client;
    let newMail = true;
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.on('error', (error: Error) => this.log.warn({ err: error, mailboxId: mailbox.id }, 'IMAP connection error'));
    client.on('exists', () => {
      newMail = true;
      this.wake?.();
    });
    try {
      if (this.current.state !== 'error') this.report('connecting');
      await client.connect();
      const opened = await client.mailboxOpen(mailbox.folder);
      onConnected();
      const idle = client.capabilities.has('IDLE');
      const pollMs = this.options.pollIntervalMs ?? POLL_INTERVAL_MS;
      this.log.info(
        { mailboxId: mailbox.id, folder: opened.path, exists: opened.exists, ...(idle ? {} : { pollEveryMs: pollMs }) },
        idle ? 'watching mailbox' : 'watching mailbox (server lacks IDLE: polling)',
      );
      while (!this.stopping && client.usable) {
        if (newMail) {
          newMail = false;
          await this.catchUp(client, BigInt(opened.uidValidity));
          continue;
        }
        if (idle) {
          // IDLE runs until the next command; the 'exists' handler wakes us to issue it.
          void client.idle().catch(() => undefined);
          await Promise.race([new Promise<void>((resolve) => (this.wake = resolve)), closed]);
        } else {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise<void>((resolve) => {
              this.wake = resolve;
              timer = setTimeout(resolve, pollMs);
            }),
            closed,
          ]);
          clearTimeout(timer);
          newMail = true;
        }
      }
      if (!this.stopping) throw new Error('IMAP connection closed');
    } finally {
      this.wake = null;
      this.client = null;
      if (client.usable) await client.logout().catch(() => client.close());
    }
  }

  /** Fetches everything above the cursor in bounded batches, oldest first, then applies due actions. */
  private async catchUp(client: ImapFlow, uidValidity: bigint): Promise<void> {
    const { mailbox, options } = this;
    const cursor = await options.cursors.find(options.dataSource, mailbox.id);
    const validityChanged = cursor !== null && cursor.uidValidity !== uidValidity;
    if (validityChanged) {
      this.log.warn({ mailboxId: mailbox.id }, 'UIDVALIDITY changed: rescanning the folder (stored messages are recognised by content)');
      const dropped = await options.actions.dropStale(options.dataSource, mailbox.id, uidValidity);
      if (dropped > 0) this.log.warn({ mailboxId: mailbox.id, dropped }, 'dropped after-commit actions of the old UIDVALIDITY');
    }
    let lastUid = cursor && !validityChanged ? cursor.lastUid : 0n;

    // Actions a previous session (or holder) left undone.
    await this.applyPendingActions(client, uidValidity);

    const found = await client.search({ uid: `${lastUid + 1n}:*` }, { uid: true });
    const uids = (found || []).map((uid) => BigInt(uid)).filter((uid) => uid > lastUid).sort((a, b) => (a < b ? -1 : 1));
    if (uids.length === 0) {
      this.report('idle', { lagMessages: 0 });
      return;
    }
    const total = uids.length;
    const progress = new CatchUpProgress(total, options.progressIntervalMs);
    this.report('catching-up', { lagMessages: total, catchUpTotal: total });
    if (total > options.batchSize) this.log.info({ mailboxId: mailbox.id, messages: total, batchSize: options.batchSize }, 'catching up');
    let stored = 0;
    for (let start = 0; start < uids.length && !this.stopping; start += options.batchSize) {
      const batch = uids.slice(start, start + options.batchSize);
      const fetched = client.fetch(batch.map(String).join(','), { uid: true, source: true }, { uid: true });
      // Fetched messages commit together, a chunk per transaction, bounded in count and bytes.
      let chunk: FetchedMessage[] = [];
      let chunkBytes = 0;
      const commitChunk = async () => {
        stored += await options.store.storeFetched(mailbox.id, uidValidity, chunk);
        progress.done += chunk.length;
        chunk = [];
        chunkBytes = 0;
        this.current.lagMessages = total - progress.done;
        if (progress.due()) this.log.info({ mailboxId: mailbox.id, stored, ...progress.snapshot() }, 'catch-up progress');
        // The lag reaches the status row about once a second (not only at the next heartbeat).
        if (progress.statusDue()) options.onStatusChange?.(this.status);
      };
      for await (const message of fetched) {
        if (this.stopping) break;
        const uid = BigInt(message.uid);
        if (uid > lastUid) lastUid = uid;
        if (!message.source) continue;
        chunk.push({ uid, source: message.source });
        chunkBytes += message.source.length;
        if (chunk.length >= STORE_CHUNK_MESSAGES || chunkBytes >= STORE_CHUNK_BYTES) await commitChunk();
      }
      if (chunk.length > 0 && !this.stopping) await commitChunk();
      // Only what is committed by now has an action queued: apply it before the next batch.
      if (!this.stopping) await this.applyPendingActions(client, uidValidity);
    }
    if (this.stopping) return;
    // Messages that vanished between SEARCH and FETCH (expunged meanwhile) are not waited for.
    this.report('idle', { lagMessages: 0 });
    if (stored > 0) this.log.info({ mailboxId: mailbox.id, stored, lastUid: lastUid.toString(), ...progress.snapshot() }, 'stored new mail');
  }

  /** Actions whose messages have committed by now (see after-commit-actions.ts). */
  private applyPendingActions(client: ImapFlow, uidValidity: bigint): Promise<void> {
    return applyPendingActions(client, uidValidity, {
      mailboxId: this.mailbox.id,
      db: this.options.dataSource,
      actions: this.options.actions,
      logger: this.log,
      stopping: () => this.stopping,
      onFailure: (lastError) => this.report(this.current.state, { lastError, lastErrorAt: new Date() }),
    });
  }
}
