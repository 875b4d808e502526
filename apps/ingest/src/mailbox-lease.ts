import pg from 'pg';
import type { Logger } from 'pino';
import type { Db, MailboxLeaseRepository, WatcherStatus } from '@casework/database';

/** How often the holder renews its lease row (and writes the watcher's status). */
export const HEARTBEAT_MS = 3000;
/** A state change is written this soon. */
const FLUSH_SOON_MS = 200;
/**
 * The server ends the lease session after this long without a heartbeat, releasing the lock
 * even when the holder vanished without closing its socket (a network partition, a frozen VM).
 */
const IDLE_SESSION_TIMEOUT = '20s';

const CONNECTING: WatcherStatus = { state: 'connecting', lagMessages: null, catchUpTotal: null, lastError: null, lastErrorAt: null };

export interface LeaseRequest {
  databaseUrl: string;
  mailboxId: string;
  leaseKey: number;
  holder: string;
  leases: MailboxLeaseRepository;
  logger: Logger;
}

/**
 * The right to watch one mailbox: a Postgres session advisory lock held on a connection of
 * its own for as long as the lease lasts. When the holder dies its connection closes, Postgres
 * releases the lock, and another replica's next scan takes the mailbox over. The heartbeat
 * (lease_renewed_at and the watcher's status in mailbox_status) runs on the same connection,
 * so a holder whose connection broke learns it within one heartbeat and stops its watcher.
 */
export class MailboxLease {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private again = false;
  private released = false;
  private lostHandled = false;
  private status: () => WatcherStatus = () => CONNECTING;
  private onLost: (reason: string) => void = () => undefined;
  private readonly db: Db;

  private constructor(
    private readonly client: pg.Client,
    private readonly request: LeaseRequest,
  ) {
    this.db = asDb(client);
  }

  /** Takes the mailbox's lock on a new connection; null (connection closed) when another session holds it. */
  static async tryAcquire(request: LeaseRequest): Promise<MailboxLease | null> {
    const client = new pg.Client({
      connectionString: request.databaseUrl,
      application_name: 'casework-ingest-lease',
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      query_timeout: 10_000,
    });
    let lease: MailboxLease | null = null;
    // Until the lease exists an error only fails the attempt; afterwards it ends the lease.
    client.on('error', (error) => (lease ? lease.lost(`lease connection error: ${error.message}`) : undefined));
    client.on('end', () => lease?.lost('lease connection closed'));
    try {
      await client.connect();
      await client.query(`SET idle_session_timeout = '${IDLE_SESSION_TIMEOUT}'`);
      if (!(await request.leases.tryLease(asDb(client), request.leaseKey))) {
        await client.end().catch(() => undefined);
        return null;
      }
      // The status names the new holder at once, not only at the first heartbeat.
      await request.leases.renewLease(asDb(client), request.mailboxId, request.holder, CONNECTING);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    lease = new MailboxLease(client, request);
    return lease;
  }

  get mailboxId(): string {
    return this.request.mailboxId;
  }

  /** Starts the heartbeat; `onLost` is called once if the lease ends without release(). */
  start(status: () => WatcherStatus, onLost: (reason: string) => void): void {
    this.status = status;
    this.onLost = onLost;
    this.flushSoon();
    this.timer = setInterval(() => this.flush(), HEARTBEAT_MS);
  }

  /** Writes the status soon (a state change is visible at once, not at the next heartbeat). */
  flushSoon(): void {
    if (this.soon || this.released) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.flush();
    }, FLUSH_SOON_MS);
  }

  private flush(): Promise<void> {
    if (this.released) return Promise.resolve();
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.request.leases
      .renewLease(this.db, this.request.mailboxId, this.request.holder, this.status())
      .catch((error: unknown) => this.lost(`lease heartbeat failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.flushing = null;
        if (this.again) {
          this.again = false;
          void this.flush();
        }
      });
    return this.flushing;
  }

  private lost(reason: string): void {
    if (this.released || this.lostHandled) return;
    this.lostHandled = true;
    this.stopTimers();
    this.request.logger.warn({ mailboxId: this.request.mailboxId, reason }, 'mailbox lease lost');
    // Closing the socket makes sure the server lets go of the lock if it still has it.
    void this.client.end().catch(() => undefined);
    this.onLost(reason);
  }

  /** Gives the lease up: the lock is released and the status row no longer names this holder. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.stopTimers();
    await this.flushing;
    if (!this.lostHandled) {
      try {
        await this.request.leases.clearLease(this.db, this.request.mailboxId, this.request.holder);
        await this.request.leases.releaseLease(this.db, this.request.leaseKey);
      } catch (error) {
        this.request.logger.warn({ err: error, mailboxId: this.request.mailboxId }, 'releasing the mailbox lease failed (closing its connection releases it)');
      }
    }
    await this.client.end().catch(() => undefined);
  }

  private stopTimers(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
  }
}

/** A pg client as the repositories' Db: rows of the result, as TypeORM's query() returns them. */
function asDb(client: pg.Client): Db {
  return { query: async <T>(sql: string, params?: unknown[]): Promise<T> => (await client.query(sql, params)).rows as T };
}
