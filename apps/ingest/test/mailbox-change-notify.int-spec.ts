import { ManagedMailboxRepository } from '@casework/database';
import { eventually, IntegrationBed, startDovecot, type PrivateDovecot, type Worker } from '@casework/devkit';
import { createMailbox, ingestEnv, mail, rawByUid, TestImap } from './support/mailbox-kit.js';

/** Longer than this whole file takes: a mailbox change seen in time came by notification, not by a periodic scan. */
const SCAN_INTERVAL_MS = 60_000;

/**
 * A change to the mailbox table reaches the running ingest at once (a trigger NOTIFYs,
 * the supervisor LISTENs): a mailbox added is watched, and one disabled is let go, long
 * before the next periodic scan.
 */
describe('mailbox changes heard at once (built ingest, Dovecot, Postgres, NATS)', () => {
  let bed: IntegrationBed;
  let dovecot: PrivateDovecot;
  let imap: TestImap;
  let ingest: Worker;
  const mailboxes = new ManagedMailboxRepository();
  const logs = () => bed.logs();

  beforeAll(async () => {
    [bed, dovecot] = await Promise.all([IntegrationBed.start(), startDovecot()]);
    imap = await TestImap.connect(dovecot);
    await imap.createFolder('Added');
    ingest = await bed.startWorker('ingest', bed.baseEnv(ingestEnv(dovecot, { INGEST_SCAN_INTERVAL_MS: String(SCAN_INTERVAL_MS) })));
  }, 60_000);

  afterAll(async () => {
    await imap?.close();
    await bed?.stop();
    await dovecot?.stop();
  }, 30_000);

  it('watches a mailbox added while it runs, and lets it go when it is disabled, without waiting for a scan', async () => {
    const startedAt = Date.now();
    const uid = await imap.append('Added', mail('Waiting in a folder nobody watched yet'));
    const id = await createMailbox(bed.ds, dovecot, { folder: 'Added' });
    await eventually(async () => expect(await rawByUid(bed.ds, id)).toEqual([expect.objectContaining({ uid })]), { timeoutMs: 10_000, describe: logs });

    await mailboxes.update(bed.ds, id, { enabled: false });
    await eventually(
      async () => {
        const [row] = await bed.ds.query('SELECT lease_holder FROM mailbox_status WHERE mailbox_id = $1', [id]);
        expect(row?.lease_holder ?? null).toBeNull();
      },
      { timeoutMs: 10_000, describe: logs },
    );
    // A disabled mailbox is not fetched: mail appended now stays in the folder.
    await imap.append('Added', mail('After it was disabled'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await rawByUid(bed.ds, id)).toHaveLength(1);
    expect(ingest.process.child.exitCode).toBeNull();
    expect(Date.now() - startedAt).toBeLessThan(SCAN_INTERVAL_MS);
  }, 60_000);
});
