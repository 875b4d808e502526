import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { SecretBox, SecretBoxError, type IngestSettings } from '@casework/config';
import { AfterCommitActionRepository, MailboxCursorRepository, MailboxLeaseRepository, ManagedMailboxRepository, type WatchableMailbox } from '@casework/database';
import { LOGGER } from '@casework/observability';
import { ImapMailboxWatcher } from './imap-mailbox-watcher.js';
import { INGEST_SETTINGS } from './ingest.tokens.js';
import { MailboxLease } from './mailbox-lease.js';
import { MailStoreService } from './mail-store.service.js';

interface Held {
  mailbox: WatchableMailbox;
  lease: MailboxLease;
  watcher: ImapMailboxWatcher;
}

/**
 * Shares the enabled IMAP mailboxes among the ingest replicas: every scan (INGEST_SCAN_INTERVAL_MS,
 * 5 s) it drops mailboxes that were disabled or deleted, restarts those whose settings changed,
 * and tries to lease the ones nobody holds (in random order, up to INGEST_MAX_MAILBOXES), running
 * one ImapMailboxWatcher per mailbox held. A dead holder's lock is released by Postgres when its
 * connection closes, so another replica takes its mailboxes over at its next scan. A change to
 * the mailbox table (added through the API, edited, disabled) is heard at once: it LISTENs for
 * the `casework_mailboxes` notification a trigger sends, and scans again.
 *
 * Two watchers on one mailbox for a moment (a holder that has not noticed its lease is gone)
 * cost an extra fetch, never a duplicate: raw messages are unique per (mailbox, UIDVALIDITY, UID)
 * and by content.
 */
@Injectable()
export class MailboxSupervisorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Names this replica in mailbox_status.lease_holder: host, pid and a random tag. */
  readonly replicaId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly held = new Map<string, Held>();
  private readonly warned = new Map<string, string>();
  private readonly secrets: SecretBox | null;
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  /** A change was heard during a scan that may have read the table before it. */
  private rescan = false;
  private changes: pg.Client | null = null;
  private stopping = false;

  constructor(
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ManagedMailboxRepository) private readonly mailboxes: ManagedMailboxRepository,
    @Inject(MailboxLeaseRepository) private readonly leases: MailboxLeaseRepository,
    @Inject(MailboxCursorRepository) private readonly cursors: MailboxCursorRepository,
    @Inject(AfterCommitActionRepository) private readonly actions: AfterCommitActionRepository,
    @Inject(MailStoreService) private readonly store: MailStoreService,
  ) {
    this.secrets = SecretBox.optional(settings.MAILBOX_SECRET_KEY);
  }

  async onApplicationBootstrap(): Promise<void> {
    // The environment's mailbox (unless this is an SMTP-only ingest) is a row like the others.
    if (this.settings.IMAP_HOST) {
      await this.mailboxes.upsertBootstrap(this.dataSource, {
        address: this.settings.MAIL_FROM,
        imapHost: this.settings.IMAP_HOST,
        imapPort: this.settings.IMAP_PORT,
        imapTls: this.settings.IMAP_TLS,
        imapUser: this.settings.IMAP_USER,
        folder: this.settings.IMAP_MAILBOX,
      });
    }
    if (this.settings.INGEST_MAX_MAILBOXES === 0) {
      this.logger.info('INGEST_MAX_MAILBOXES=0: this replica watches no IMAP mailbox');
      return;
    }
    this.logger.info({ replica: this.replicaId, maxMailboxes: this.settings.INGEST_MAX_MAILBOXES ?? null }, 'mailbox supervisor started');
    await this.listenForChanges();
    await this.scanNow();
    this.timer = setInterval(() => {
      void this.listenForChanges();
      void this.scanNow();
    }, this.settings.INGEST_SCAN_INTERVAL_MS);
  }

  /** (Re)opens the connection that hears mailbox changes; without it the periodic scans still run. */
  private async listenForChanges(): Promise<void> {
    if (this.changes || this.stopping) return;
    const client = new pg.Client({ connectionString: this.settings.DATABASE_URL, application_name: 'casework-ingest-mailboxes', keepAlive: true, connectionTimeoutMillis: 5000 });
    this.changes = client;
    const lost = (error?: Error) => {
      if (this.changes !== client) return;
      this.changes = null;
      if (error && !this.stopping) this.logger.warn({ err: error }, 'lost the connection that hears mailbox changes: scanning every interval until it is back');
      client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.onMailboxesChanged());
    try {
      await client.connect();
      await client.query('LISTEN casework_mailboxes');
    } catch (error) {
      lost(error as Error);
    }
  }

  private onMailboxesChanged(): void {
    if (this.scanning) this.rescan = true;
    else void this.scanNow();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const changes = this.changes;
    this.changes = null;
    await changes?.end().catch(() => undefined);
    await this.scanning;
    await Promise.allSettled([...this.held.keys()].map((id) => this.drop(id, 'shutting down')));
  }

  /** One scan at a time; a scan that fails is logged and the next one tries again. */
  scanNow(): Promise<void> {
    this.scanning ??= this.scan()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'mailbox scan failed'))
      .finally(() => {
        this.scanning = null;
        if (this.rescan && !this.stopping) {
          this.rescan = false;
          void this.scanNow();
        }
      });
    return this.scanning;
  }

  private async scan(): Promise<void> {
    if (this.stopping) return;
    const watchable = await this.leases.listWatchable(this.dataSource);
    const byId = new Map(watchable.map((m) => [m.id, m]));
    for (const [id, held] of [...this.held]) {
      const now = byId.get(id);
      if (!now) await this.drop(id, 'disabled or deleted');
      else if (now.version !== held.mailbox.version) await this.drop(id, 'settings changed: restarting');
    }
    const cap = this.settings.INGEST_MAX_MAILBOXES ?? Number.POSITIVE_INFINITY;
    if (this.held.size >= cap || this.stopping) return;
    const taken = await this.leases.heldLeaseKeys(this.dataSource);
    for (const mailbox of shuffle(watchable.filter((m) => !this.held.has(m.id) && !taken.has(m.leaseKey)))) {
      if (this.held.size >= cap || this.stopping) break;
      const password = await this.passwordOf(mailbox);
      if (password === null) continue;
      const lease = await MailboxLease.tryAcquire({
        databaseUrl: this.settings.DATABASE_URL,
        mailboxId: mailbox.id,
        leaseKey: mailbox.leaseKey,
        holder: this.replicaId,
        leases: this.leases,
        logger: this.logger,
      }).catch((error: unknown) => {
        this.logger.warn({ err: error, mailboxId: mailbox.id }, 'could not try the mailbox lease');
        return null;
      });
      if (!lease) continue;
      if (this.stopping) {
        await lease.release();
        break;
      }
      this.hold(mailbox, password, lease);
    }
  }

  private hold(mailbox: WatchableMailbox, password: string, lease: MailboxLease): void {
    const watcher = new ImapMailboxWatcher(
      {
        id: mailbox.id,
        imapHost: mailbox.imapHost,
        imapPort: mailbox.imapPort,
        imapTls: mailbox.imapTls,
        imapUser: mailbox.imapUser,
        password,
        folder: mailbox.folder,
        afterCommit: mailbox.afterCommit,
      },
      {
        logger: this.logger,
        dataSource: this.dataSource,
        cursors: this.cursors,
        actions: this.actions,
        store: this.store,
        batchSize: this.settings.IMAP_BATCH_SIZE,
        progressIntervalMs: this.settings.INGEST_PROGRESS_INTERVAL_MS,
        onStatusChange: () => lease.flushSoon(),
      },
    );
    const held: Held = { mailbox, lease, watcher };
    this.held.set(mailbox.id, held);
    lease.start(
      () => watcher.status,
      () => {
        // The lock may be someone else's by now: stop watching at once.
        if (this.held.get(mailbox.id) !== held) return;
        this.held.delete(mailbox.id);
        void watcher.stop();
      },
    );
    watcher.start();
    this.logger.info({ mailboxId: mailbox.id, folder: mailbox.folder, replica: this.replicaId }, 'holding mailbox');
  }

  private async drop(id: string, reason: string): Promise<void> {
    const held = this.held.get(id);
    if (!held) return;
    this.held.delete(id);
    await held.watcher.stop().catch((error: unknown) => this.logger.warn({ err: error, mailboxId: id }, 'stopping the watcher failed'));
    await held.lease.release();
    this.logger.info({ mailboxId: id, reason }, 'released mailbox');
  }

  /**
   * The mailbox's IMAP password: the stored one, opened with MAILBOX_SECRET_KEY, or for the
   * bootstrap mailbox (none stored) this replica's IMAP_PASSWORD when the account is the
   * environment's. Null (logged once per mailbox version) when this replica cannot watch it.
   */
  private async passwordOf(mailbox: WatchableMailbox): Promise<string | null> {
    if (mailbox.passwordSealed !== null) {
      if (!this.secrets) {
        this.warnOnce(mailbox, 'its password is stored sealed and MAILBOX_SECRET_KEY is not set on this replica: left to other replicas');
        return null;
      }
      try {
        return this.secrets.open(mailbox.passwordSealed, mailbox.id);
      } catch (error) {
        if (!(error instanceof SecretBoxError)) throw error;
        if (this.warnOnce(mailbox, 'its stored password does not open with this replica\'s MAILBOX_SECRET_KEY: left to other replicas')) {
          await this.leases.noteUnwatchable(this.dataSource, mailbox.id, 'stored password does not open with MAILBOX_SECRET_KEY (a replica has a different key)');
        }
        return null;
      }
    }
    const s = this.settings;
    if (s.IMAP_HOST && mailbox.imapHost === s.IMAP_HOST && mailbox.imapPort === s.IMAP_PORT && mailbox.imapUser === s.IMAP_USER) return s.IMAP_PASSWORD;
    this.warnOnce(mailbox, 'no password: none stored and the account is not this replica\'s IMAP_USER: left to other replicas');
    return null;
  }

  /** Logs a mailbox this replica cannot watch, once per mailbox version and reason; true when it logged. */
  private warnOnce(mailbox: WatchableMailbox, reason: string): boolean {
    const key = `${mailbox.version}|${reason}`;
    if (this.warned.get(mailbox.id) === key) return false;
    this.warned.set(mailbox.id, key);
    this.logger.warn({ mailboxId: mailbox.id, folder: mailbox.folder }, `cannot watch mailbox: ${reason}`);
    return true;
  }
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
