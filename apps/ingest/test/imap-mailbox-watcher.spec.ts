import { EventEmitter } from 'node:events';
import type { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AfterCommitActionRepository, MailboxCursorRepository, PendingAction } from '@casework/database';
import { ImapMailboxWatcher, type WatcherOptions } from '../src/imap-mailbox-watcher.js';

/** Just enough of ImapFlow for the watcher's session: a folder with `uids`, IDLE optional. */
class FakeImap extends EventEmitter {
  usable = true;
  capabilities: Map<string, boolean>;
  searches = 0;
  idles = 0;
  flagged: string[] = [];
  failFlags = false;

  constructor(
    idle: boolean,
    private readonly uids: number[] = [],
  ) {
    super();
    this.capabilities = new Map(idle ? [['IDLE', true]] : []);
  }

  async connect(): Promise<void> {}
  async mailboxOpen(path: string): Promise<{ path: string; exists: number; uidValidity: bigint }> {
    return { path, exists: this.uids.length, uidValidity: 7n };
  }
  async search(): Promise<number[]> {
    this.searches++;
    return this.uids;
  }
  async *fetch(range: string): AsyncGenerator<{ uid: number; source: Buffer }> {
    for (const uid of range.split(',').map(Number)) yield { uid, source: Buffer.from(`message ${uid}`) };
  }
  idle(): Promise<void> {
    this.idles++;
    return new Promise(() => undefined);
  }
  async messageFlagsAdd(range: string): Promise<boolean> {
    if (this.failFlags) return false;
    this.flagged.push(range);
    return true;
  }
  async logout(): Promise<void> {
    this.usable = false;
    this.emit('close');
  }
  close(): void {
    this.usable = false;
    this.emit('close');
  }
}

const silent = { info: () => undefined, warn: () => undefined } as unknown as Logger;

function setup(client: FakeImap, options: Partial<WatcherOptions> = {}) {
  const pending: PendingAction[] = [];
  const calls: string[] = [];
  const cursors = { find: async () => null } as unknown as MailboxCursorRepository;
  const actions = {
    dropStale: async () => 0,
    pending: async () => pending.slice(),
    complete: async (_db: unknown, _id: string, _v: bigint, uids: bigint[]) => {
      calls.push(`complete ${uids.join(',')}`);
      pending.splice(0, pending.length, ...pending.filter((p) => !uids.includes(p.uid)));
    },
    fail: async (_db: unknown, _id: string, _v: bigint, uids: bigint[]) => void calls.push(`fail ${uids.join(',')}`),
  } as unknown as AfterCommitActionRepository;
  // The storing transaction queues the after-commit action as it commits.
  const store = {
    storeFetched: async (_id: string, _v: bigint, messages: { uid: bigint }[]) => {
      for (const message of messages) {
        calls.push(`store ${message.uid}`);
        pending.push({ uid: message.uid, action: 'seen', attempts: 0 });
      }
      return messages.length;
    },
  };
  const watcher = new ImapMailboxWatcher(
    { id: 'm1', imapHost: 'imap.test', imapPort: 143, imapTls: false, imapUser: 'u', password: 'p', folder: 'INBOX', afterCommit: 'seen' },
    {
      logger: silent,
      dataSource: {} as DataSource,
      cursors,
      actions,
      store,
      batchSize: 2,
      progressIntervalMs: 10_000,
      createClient: () => client as unknown as ImapFlow,
      ...options,
    },
  );
  return { watcher, calls, pending };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ImapMailboxWatcher', () => {
  it('polls (searches again every poll interval) when the server lacks IDLE', async () => {
    const client = new FakeImap(false);
    const { watcher } = setup(client, { pollIntervalMs: 40 });
    watcher.start();
    await sleep(300);
    await watcher.stop();
    expect(client.idles).toBe(0);
    expect(client.searches).toBeGreaterThanOrEqual(4);
    expect(watcher.status.state).toBe('idle');
  });

  it('IDLEs instead of polling when the server has IDLE', async () => {
    const client = new FakeImap(true);
    const { watcher } = setup(client, { pollIntervalMs: 40 });
    watcher.start();
    await sleep(200);
    expect(client.searches).toBe(1);
    expect(client.idles).toBe(1);
    client.emit('exists');
    await sleep(50);
    expect(client.searches).toBe(2);
    await watcher.stop();
  });

  it('applies after-commit actions only for stored messages, after each batch', async () => {
    const client = new FakeImap(true, [1, 2, 3]);
    const { watcher, calls } = setup(client);
    watcher.start();
    await sleep(100);
    await watcher.stop();
    expect(calls).toEqual(['store 1', 'store 2', 'complete 1,2', 'store 3', 'complete 3']);
    expect(client.flagged).toEqual(['1,2', '3']);
    expect(watcher.status).toMatchObject({ state: 'idle', lagMessages: 0, catchUpTotal: 3 });
  });

  it('keeps a failed action queued, reports it and carries on', async () => {
    const client = new FakeImap(true, [1]);
    client.failFlags = true;
    const { watcher, calls, pending } = setup(client);
    watcher.start();
    await sleep(100);
    await watcher.stop();
    expect(calls).toEqual(['store 1', 'fail 1']);
    expect(pending.map((p) => p.uid)).toEqual([1n]);
    expect(watcher.status.lastError).toMatch(/after-commit seen/);
    expect(watcher.status.state).toBe('idle');
  });
});
