import { readFileSync } from 'node:fs';
import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { envelope, IntegrationBed, sha256, type Worker } from '@casework/devkit';
import { loadCorpus } from '../support/corpus.js';
import { mutate } from '../support/mime-mutations.js';
import { eventually } from '../support/poll.js';
import { SeededRandom, seedFromEnv } from '../support/seeded-random.js';

const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const SEED = process.env.FUZZ_SEED ? seedFromEnv('FUZZ_SEED') : 20261203;
const BATCH = 200;
const UID_VALIDITY = 7n;

/** Mail no corpus holds but a hostile sender can write: routed or quarantined within its budget all the same. */
function pathological(): { bytes: Buffer; applied: string[] }[] {
  const head = (extra: string) => `From: fuzz@example.org\r\nTo: safety@casework.test\r\nSubject: pathological\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@fuzz.test>\r\n${extra}\r\n`;
  const recipients = Array.from({ length: 10_000 }, (_, i) => `r${i}@example.org`).join(', ');
  const ccHeaders = Array.from({ length: 1000 }, (_, i) => `Cc: c${i}@example.org`).join('\r\n');
  return [
    { bytes: Buffer.from(`${head(`To: ${recipients}`)}\r\nten thousand recipients\r\n`), applied: ['10,000 recipients'] },
    { bytes: Buffer.from(`${head(ccHeaders)}\r\na thousand Cc headers\r\n`), applied: ['1,000 Cc headers'] },
    { bytes: Buffer.from(`${head('')}\r\n${'x'.repeat(5 * 1024 * 1024)}\r\n`), applied: ['5 MB single-line body'] },
  ];
}

/**
 * The MIME fuzz: COUNT messages (FUZZ_COUNT, default 10,000) mutated from the real-mail corpus
 * with a fixed seed (FUZZ_SEED to replay another), plus pathological mail, through the built
 * routing process with its real parser pool. Every message must end ticketed, quarantined with
 * a reason, or recorded otherwise by routing — none left waiting — and routing never dies.
 */
describe(`MIME fuzz: ${COUNT} mutated corpus messages through routing (seed ${SEED})`, () => {
  let bed: IntegrationBed;
  let routing: Worker;
  let mailboxId: string;

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    mailboxId = (await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' })).id;
    routing = await bed.startWorker('routing', bed.baseEnv({ LOG_LEVEL: 'warn' }));
  }, 120_000);

  afterAll(async () => {
    await bed?.stop();
  }, 60_000);

  it('tickets or quarantines every message, with no process crash and none stuck', async () => {
    const random = new SeededRandom(SEED);
    const corpus = loadCorpus().map((entry) => readFileSync(entry.absolutePath));
    const cases = [...pathological(), ...Array.from({ length: COUNT }, () => mutate(random.pick(corpus), random))];
    const rawMessages = new RawMessageRepository();
    const appliedById = new Map<string, string[]>();
    let uid = 0n;
    for (let start = 0; start < cases.length; start += BATCH) {
      const batch = cases.slice(start, start + BATCH).map((c) => ({ ...c, uid: ++uid }));
      const ids = await rawMessages.insertImapMany(
        bed.ds,
        mailboxId,
        UID_VALIDITY,
        batch.map((c) => ({ uid: c.uid, sha256: sha256(c.bytes), messageId: null, raw: c.bytes })),
      );
      for (const c of batch) {
        const rawMessageId = ids.get(c.uid)!;
        appliedById.set(rawMessageId, c.applied);
        await bed.publish(envelope(Subjects.MailReceived, { rawMessageId, mailboxId }));
      }
    }

    const waiting = async () => (await bed.ds.query(`SELECT id FROM raw_message WHERE status = 'received'`)) as { id: string }[];
    await eventually(async () => ((await waiting()).length === 0 ? true : undefined), 900_000, `routing to take all ${cases.length} messages`, 1000).catch(async (error: Error) => {
      const stuck = (await waiting()).slice(0, 10).map((row) => `${row.id}: ${appliedById.get(row.id)?.join('+')}`);
      throw new Error(`${error.message}; still waiting, e.g.\n${stuck.join('\n')}\n${bed.logs().slice(-4000)}`);
    });

    expect(routing.process.child.exitCode).toBeNull();
    const statuses: { status: string; n: number }[] = await bed.ds.query(`SELECT status, count(*)::int AS n FROM raw_message GROUP BY status ORDER BY status`);
    const total = statuses.reduce((sum, row) => sum + row.n, 0);
    expect(total).toBe(cases.length);
    const reasonless: { id: string }[] = await bed.ds.query(`SELECT id FROM raw_message WHERE status = 'quarantined' AND coalesce(quarantine_reason, '') = ''`);
    expect(reasonless).toEqual([]);
    const [{ orphans }] = await bed.ds.query(
      `SELECT count(*)::int AS orphans FROM raw_message r WHERE r.status = 'ticketed' AND NOT EXISTS (SELECT 1 FROM article a WHERE a.raw_message_id = r.id)`,
    );
    expect(orphans).toBe(0);
    process.stdout.write(`fuzz seed ${SEED}: ${cases.length} messages → ${statuses.map((row) => `${row.status} ${row.n}`).join(', ')}\n`);
  });
});
