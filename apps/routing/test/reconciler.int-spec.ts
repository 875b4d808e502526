import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { eventually, IntegrationBed, sha256, type Worker } from '@casework/devkit';

/** Postgres is the truth: a raw message whose event never reached NATS is still routed. */
describe('routing reconciler (built process)', () => {
  let bed: IntegrationBed;
  let routing: Worker;
  let mailboxId: string;
  const rawMessages = new RawMessageRepository();

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    mailboxId = (
      await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: 'imap.test', imapPort: 143, imapUser: 'u', folder: 'INBOX' })
    ).id;
    routing = await bed.startWorker('routing', bed.baseEnv({ RECONCILE_GRACE_MS: '1500', RECONCILE_INTERVAL_MS: '200' }));
  }, 120_000);

  afterAll(async () => {
    await bed?.stop();
  });

  /** What ingest commits, minus the event: as if NATS lost it after acknowledging. */
  async function storeWithoutEvent(uid: number, subject: string): Promise<string> {
    const source = Buffer.from(`From: lost@example.org\r\nTo: safety@casework.test\r\nSubject: ${subject}\r\nMessage-ID: <lost-${uid}@example.org>\r\n\r\nHello\r\n`);
    const id = await rawMessages.insert(bed.ds, { mailboxId, uidValidity: 1n, uid: BigInt(uid), sha256: sha256(source), messageId: `lost-${uid}@example.org`, raw: source });
    if (!id) throw new Error('not inserted');
    return id;
  }

  it('re-emits the event of a raw message left unrouted past the grace period, once', async () => {
    const started = Date.now();
    const id = await storeWithoutEvent(1, 'Event lost on the way');
    // Within the grace period nothing happens.
    await new Promise((r) => setTimeout(r, 700));
    expect((await rawMessages.find(bed.ds, id))?.status).toBe('received');

    await eventually(async () => expect((await rawMessages.find(bed.ds, id))?.status).toBe('ticketed'), { timeoutMs: 15_000, describe: () => bed.logs() });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    const tickets = await bed.ds.query(`SELECT subject FROM ticket`);
    expect(tickets).toEqual([{ subject: 'Event lost on the way' }]);

    // Several more sweeps: the routed message is not re-emitted again.
    await new Promise((r) => setTimeout(r, 1000));
    const events = (await bed.events(Subjects.MailReceived)).filter((e) => e.envelope.data.rawMessageId === id);
    expect(events).toHaveLength(1);
    expect(routing.process.child.exitCode).toBeNull();
  });
});
