import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { ManagedMailboxRepository } from '@casework/database';
import { eventually, IntegrationBed, startDovecot, type PrivateDovecot, type Worker } from '@casework/devkit';
import { createMailbox, holderPid, ingestEnv, mail, rawByUid, TestImap } from './support/mailbox-kit.js';

const CLI = resolve(process.cwd(), 'dist/scripts/cli.js');
const BACKLOG = 300;

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/**
 * After-commit actions (\Seen, MOVE) happen only once the message is in raw_message; the
 * status row shows the holder and the lag; `cli mailbox:backfill` follows a large catch-up.
 */
describe('after-commit actions, status and backfill (built ingest, Dovecot, Postgres, NATS)', () => {
  let bed: IntegrationBed;
  let dovecot: PrivateDovecot;
  let imap: TestImap;
  let ingest: Worker;
  const mailboxes = new ManagedMailboxRepository();
  const logs = () => bed.logs();

  beforeAll(async () => {
    [bed, dovecot] = await Promise.all([IntegrationBed.start(), startDovecot()]);
    imap = await TestImap.connect(dovecot);
    for (const folder of ['Seen', 'Inbound', 'Backlog']) await imap.createFolder(folder);
    ingest = await bed.startWorker('ingest', bed.baseEnv(ingestEnv(dovecot, { IMAP_BATCH_SIZE: '10', INGEST_PROGRESS_INTERVAL_MS: '100', INGEST_SCAN_INTERVAL_MS: '1000' })));
  }, 60_000);

  afterAll(async () => {
    await imap?.close();
    await bed?.stop();
    await dovecot?.stop();
  }, 30_000);

  async function heldAndIdle(id: string): Promise<void> {
    await eventually(
      async () => {
        const status = await mailboxes.readStatus(bed.ds, id);
        expect(status).toMatchObject({ state: 'idle', lagMessages: 0 });
        expect(holderPid(status!.holder)).toBe(ingest.process.pid);
      },
      { timeoutMs: 12_000, describe: logs },
    );
  }

  it('flags messages \\Seen only after they are committed to raw_message, and the status shows the lag meanwhile', async () => {
    const id = await createMailbox(bed.ds, dovecot, { folder: 'Seen', afterCommit: 'seen' });
    await heldAndIdle(id);

    // Hold every insert into raw_message: ingest fetches the mail but cannot commit it.
    const blocker = bed.ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE raw_message IN EXCLUSIVE MODE');
    let uids: number[] = [];
    try {
      uids = [await imap.append('Seen', mail('Seen 1')), await imap.append('Seen', mail('Seen 2')), await imap.append('Seen', mail('Seen 3'))];
      const blockedStatus = await eventually(
        async () => {
          const status = await mailboxes.readStatus(bed.ds, id);
          // The first APPEND may start a catch-up of its own: at least that one is waiting.
          expect(status?.state).toBe('catching-up');
          expect(status?.lagMessages).toBeGreaterThanOrEqual(1);
          return status!;
        },
        { timeoutMs: 8000, describe: logs },
      );
      expect(holderPid(blockedStatus.holder)).toBe(ingest.process.pid);
      await new Promise((r) => setTimeout(r, 1500));
      const flags = await imap.flags('Seen');
      expect(uids.map((uid) => flags.get(uid)?.has('\\Seen'))).toEqual([false, false, false]);
      expect(await rawByUid(bed.ds, id)).toEqual([]);
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }

    // From now on, whenever a message is \Seen it is already stored (flags are read first).
    await eventually(
      async () => {
        const flags = await imap.flags('Seen');
        const stored = new Set((await rawByUid(bed.ds, id)).map((r) => r.uid));
        for (const [uid, set] of flags) if (set.has('\\Seen')) expect(stored).toContain(uid);
        expect(uids.map((uid) => flags.get(uid)?.has('\\Seen'))).toEqual([true, true, true]);
      },
      { timeoutMs: 10_000, intervalMs: 20, describe: logs },
    );
    expect((await rawByUid(bed.ds, id)).map((r) => [r.uid, r.status])).toEqual(uids.map((uid) => [uid, 'received']));
    const [{ pending }] = await bed.ds.query('SELECT count(*)::int AS pending FROM mailbox_pending_action WHERE mailbox_id = $1', [id]);
    expect(pending).toBe(0);
    await eventually(async () => expect(await mailboxes.readStatus(bed.ds, id)).toMatchObject({ state: 'idle', lagMessages: 0, lastUid: uids[2] }), { describe: logs });
  }, 40_000);

  it('moves stored messages to the move:<folder> target, creating it', async () => {
    const id = await createMailbox(bed.ds, dovecot, { folder: 'Inbound', afterCommit: 'move:Archive' });
    await heldAndIdle(id);
    const uids = [await imap.append('Inbound', mail('Move 1')), await imap.append('Inbound', mail('Move 2'))];
    await eventually(
      async () => {
        expect((await rawByUid(bed.ds, id)).map((r) => r.uid)).toEqual(uids);
        expect(await imap.count('Inbound')).toBe(0);
        expect(await imap.count('Archive')).toBe(2);
      },
      { timeoutMs: 10_000, describe: logs },
    );
  }, 30_000);

  it('cli mailbox:backfill follows a large catch-up to the end (exit 0); ingest logs progress with rate and ETA', async () => {
    for (let i = 0; i < BACKLOG; i++) await imap.append('Backlog', mail(`Backlog ${i}`, `Old report number ${i}.`));
    const id = await createMailbox(bed.ds, dovecot, { folder: 'Backlog' });
    const result = await runCli(['mailbox:backfill', id, '--timeout', '50'], { DATABASE_URL: bed.db.url });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    if (process.env.CASEWORK_TEST_LOGS) process.stdout.write(`cli output:\n${result.stdout}`);
    expect(result.stdout).toContain('mailbox up to date');
    // Not a terminal: plain lines, no carriage returns.
    expect(result.stdout).not.toContain('\r');
    expect(await rawByUid(bed.ds, id)).toHaveLength(BACKLOG);
    const progress = ingest.process
      .recentOutput()
      .split('\n')
      .filter((line) => line.includes('catch-up progress'))
      .map((line) => JSON.parse(line))
      .filter((line) => line.mailboxId === id);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ mailboxId: id, total: BACKLOG, done: expect.any(Number), perSecond: expect.any(Number) });
    expect(progress[0]).toHaveProperty('etaSeconds');
  }, 60_000);

  it('cli mailbox:backfill fails with a message for an unknown or disabled mailbox, and on bad usage', async () => {
    const env = { DATABASE_URL: bed.db.url };
    const [{ id: disabled }] = await bed.ds.query(`UPDATE mailbox SET enabled = false WHERE folder = 'Inbound' RETURNING id`).then(([rows]) => rows);
    const [unknown, off, usage, unknownCommand] = await Promise.all([
      runCli(['mailbox:backfill', '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e'], env),
      runCli(['mailbox:backfill', disabled], env),
      runCli(['mailbox:backfill'], env),
      runCli(['mailbox:explode'], env),
    ]);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('not found')]);
    expect([off.code, off.stderr]).toEqual([1, expect.stringContaining('disabled')]);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('usage:')]);
    expect([unknownCommand.code, unknownCommand.stderr]).toEqual([2, expect.stringContaining('unknown command')]);
  }, 30_000);
});
