import { LEASE_LOCK_NAMESPACE } from '@casework/database';
import { eventually, freePort, IntegrationBed, sha256, startDovecot, startService, waitForHealthy, type ManagedProcess, type PrivateDovecot, type Worker } from '@casework/devkit';
import { holderPid, ingestEnv, mail, rawByUid, TestImap } from './support/mailbox-kit.js';

const TOKEN = 'lease-int-test-token-0123456789';

interface Status {
  state: string;
  holder: string | null;
  lagMessages: number | null;
  lastUid: number | null;
  lastError: string | null;
  leaseRenewedAt: string | null;
}

/**
 * Two ingest replicas share two mailboxes: the environment's bootstrap INBOX (A) and a folder
 * added through the API (B). Each is held by exactly one replica; SIGKILLing A's holder hands
 * A to the other replica within 15 s, and mail APPENDed meanwhile is stored exactly once.
 */
describe('mailbox leases (two built ingest replicas, api, Dovecot, Postgres, NATS)', () => {
  let bed: IntegrationBed;
  let dovecot: PrivateDovecot;
  let imap: TestImap;
  let api: ManagedProcess;
  let base: string;
  const replicas: Worker[] = [];
  let mailboxA: string;
  let mailboxB: string;
  const appended = new Map<string, { folder: string; uid: number; sha: string }[]>();

  const logs = () => `${bed.logs()}\n--- api\n${api?.recentOutput()}`;

  async function call<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const status = async (id: string) => (await call<Status>(`/mailboxes/${id}/status`)).body;

  async function append(mailboxId: string, folder: string, subject: string): Promise<void> {
    const source = mail(subject);
    const uid = await imap.append(folder, source);
    appended.set(mailboxId, [...(appended.get(mailboxId) ?? []), { folder, uid, sha: sha256(source) }]);
  }

  /** Everything APPENDed to the mailbox is stored, each UID once, none as a duplicate. */
  async function expectStoredOnce(mailboxId: string, timeoutMs = 10_000): Promise<void> {
    const expected = appended.get(mailboxId) ?? [];
    await eventually(
      async () => {
        const rows = await rawByUid(bed.ds, mailboxId);
        expect(rows.map((r) => [r.uid, r.sha256, r.status])).toEqual(expected.map((m) => [m.uid, m.sha, 'received']));
      },
      { timeoutMs, describe: logs },
    );
  }

  /** Lease locks held per mailbox right now, straight from pg_locks. */
  async function lockHolders(): Promise<Map<string, number>> {
    const rows: { id: string; holders: number }[] = await bed.ds.query(
      `SELECT m.id, count(l.pid)::int AS holders FROM mailbox m
         LEFT JOIN pg_locks l ON l.locktype = 'advisory' AND l.classid = $1::oid AND l.objid = m.lease_key::oid AND l.objsubid = 2 AND l.granted
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        WHERE m.transport = 'imap' GROUP BY m.id`,
      [LEASE_LOCK_NAMESPACE],
    );
    return new Map(rows.map((r) => [r.id, r.holders]));
  }

  const startReplica = async () => {
    const worker = await bed.startWorker('ingest', bed.baseEnv(ingestEnv(dovecot)));
    replicas.push(worker);
    return worker;
  };

  beforeAll(async () => {
    [bed, dovecot] = await Promise.all([IntegrationBed.start(), startDovecot()]);
    imap = await TestImap.connect(dovecot);
    await imap.createFolder('Second');
    const port = await freePort();
    base = `http://127.0.0.1:${port}/api/v1`;
    api = startService('api', { ...bed.baseEnv(ingestEnv(dovecot)), PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN }, !!process.env.CASEWORK_TEST_LOGS);
    await Promise.all([waitForHealthy(api, `${base}/health`, 60_000), startReplica()]);
    [{ id: mailboxA }] = await bed.ds.query(`SELECT id FROM mailbox WHERE folder = 'INBOX'`);
  }, 90_000);

  afterAll(async () => {
    await imap?.close();
    await api?.kill();
    await bed?.stop();
    await dovecot?.stop();
  }, 30_000);

  it('a running replica picks up a mailbox added through the API, without a restart', async () => {
    const created = await call<{ id: string }>('/mailboxes', {
      method: 'POST',
      json: { address: 'second@casework.test', imapHost: dovecot.host, imapPort: dovecot.port, imapTls: false, imapUser: dovecot.user, password: dovecot.password, folder: 'Second' },
    });
    expect(created.status).toBe(201);
    mailboxB = created.body.id;
    await append(mailboxB, 'Second', 'Added through the API');
    await append(mailboxA, 'INBOX', 'Bootstrap mailbox');
    // One scan (5 s) at most, plus the catch-up.
    await expectStoredOnce(mailboxB, 12_000);
    await expectStoredOnce(mailboxA);
    // The holder writes its state within a moment of storing.
    await eventually(
      async () =>
        expect(await status(mailboxB)).toMatchObject({
          state: 'idle',
          holder: expect.stringContaining(`:${replicas[0].process.pid}:`),
          lagMessages: 0,
          lastUid: appended.get(mailboxB)![0].uid,
        }),
      { timeoutMs: 5000, describe: logs },
    );
  }, 30_000);

  it('with two replicas each mailbox is held exactly once and every message is stored once', async () => {
    await startReplica();
    // Over more than one scan of the new replica, both mailboxes have exactly one lock holder.
    const until = Date.now() + 6000;
    for (let i = 0; Date.now() < until; i++) {
      expect(Object.fromEntries(await lockHolders())).toEqual({ [mailboxA]: 1, [mailboxB]: 1 });
      if (i % 4 === 0) {
        await append(mailboxA, 'INBOX', `A while both run ${i}`);
        await append(mailboxB, 'Second', `B while both run ${i}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await expectStoredOnce(mailboxA);
    await expectStoredOnce(mailboxB);
    const pids = replicas.map((r) => r.process.pid);
    for (const id of [mailboxA, mailboxB]) {
      await eventually(
        async () => {
          const s = await status(id);
          expect(pids).toContain(holderPid(s.holder));
          expect(s).toMatchObject({ state: 'idle', lagMessages: 0, lastUid: appended.get(id)!.at(-1)!.uid });
          expect(Date.now() - Date.parse(s.leaseRenewedAt!)).toBeLessThan(10_000);
        },
        { timeoutMs: 5000, describe: logs },
      );
    }
  }, 30_000);

  it("SIGKILL of A's holder: the other replica takes A over within 15 s and stores mail APPENDed meanwhile once", async () => {
    const before = await status(mailboxA);
    const victim = replicas.find((r) => r.process.pid === holderPid(before.holder))!;
    expect(victim).toBeDefined();
    const survivor = replicas.find((r) => r !== victim)!;

    const killedAt = Date.now();
    await bed.stopWorker(victim, 'SIGKILL');
    replicas.splice(replicas.indexOf(victim), 1);
    for (let i = 0; i < 3; i++) await append(mailboxA, 'INBOX', `A while its holder is dead ${i}`);

    const takenOver = await eventually(
      async () => {
        const s = await status(mailboxA);
        expect(holderPid(s.holder)).toBe(survivor.process.pid);
        return Date.now();
      },
      { timeoutMs: 20_000, intervalMs: 100, describe: logs },
    );
    const failoverMs = takenOver - killedAt;
    await expectStoredOnce(mailboxA);
    const storedMs = Date.now() - killedAt;
    process.stdout.write(`lease failover: mailbox A held by the survivor ${failoverMs} ms after SIGKILL; mail APPENDed meanwhile stored within ${storedMs} ms\n`);
    expect(failoverMs).toBeLessThan(15_000);

    // B too ends up with the survivor (it either held B already or takes it over now).
    await eventually(async () => expect(holderPid((await status(mailboxB)).holder)).toBe(survivor.process.pid), { timeoutMs: 15_000, describe: logs });
    await append(mailboxB, 'Second', 'B after the failover');
    await expectStoredOnce(mailboxB);
    expect(Object.fromEntries(await lockHolders())).toEqual({ [mailboxA]: 1, [mailboxB]: 1 });
    const [{ duplicates }] = await bed.ds.query(`SELECT count(*)::int AS duplicates FROM raw_message WHERE status = 'duplicate'`);
    expect(duplicates).toBe(0);
  }, 45_000);

  it('a mailbox disabled through the API is let go within a scan, and taken again once enabled', async () => {
    expect((await call(`/mailboxes/${mailboxB}`, { method: 'PATCH', json: { enabled: false } })).status).toBe(200);
    await eventually(async () => expect((await lockHolders()).get(mailboxB)).toBe(0), { timeoutMs: 8000, describe: logs });
    expect((await status(mailboxB)).state).toBe('disabled');
    await append(mailboxB, 'Second', 'B while disabled');
    expect((await call(`/mailboxes/${mailboxB}`, { method: 'PATCH', json: { enabled: true } })).status).toBe(200);
    await expectStoredOnce(mailboxB, 12_000);
  }, 30_000);
});
