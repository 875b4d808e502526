import { ImapFlow } from 'imapflow';
import { Subjects } from '@casework/contracts';
import { eventually, IntegrationBed, sha256, startDovecot, type PrivateDovecot, type Worker } from '@casework/devkit';

interface RawRow {
  id: string;
  mailbox_id: string;
  uid_validity: string;
  uid: string;
  sha256: string;
  message_id: string | null;
  size: number;
  raw: Buffer;
  status: string;
}

function mail(lines: string[], body: string): Buffer {
  return Buffer.from([...lines, '', body, ''].join('\r\n'));
}

describe('ingest (built process against private Dovecot, Postgres and NATS)', () => {
  let bed: IntegrationBed;
  let dovecot: PrivateDovecot;
  let imap: ImapFlow;
  let ingest: Worker;
  let mailboxId: string;
  let uidValidity: bigint;
  let ingestEnv: NodeJS.ProcessEnv;

  const first = mail(
    ['From: Rita Reporter <rita@example.org>', 'To: safety@casework.test', 'Subject: Report one', 'Message-ID: <Report-1.AbC@Example.ORG>', 'Date: Mon, 01 Jun 2026 10:00:00 +0000'],
    'First report body.',
  );
  const second = mail(
    ['From: sam@example.org', 'To: safety@casework.test', 'Subject: Report two', 'Message-ID:', ' <folded-2@example.org>'],
    'Second report, folded Message-ID header.',
  );
  const third = mail(['From: tom@example.org', 'To: safety@casework.test', 'Subject: Report three', 'message-id: <lower-3@example.org>'], 'Third report.');

  /** Messages stored for routing (duplicates of stored bytes are recorded apart). */
  async function stored(): Promise<RawRow[]> {
    return (await rawRows()).filter((r) => r.status !== 'duplicate');
  }

  async function rawRows(): Promise<RawRow[]> {
    return bed.ds.query('SELECT id, mailbox_id, uid_validity, uid, sha256, message_id, size, raw, status FROM raw_message ORDER BY uid');
  }

  async function append(source: Buffer): Promise<bigint> {
    const result = await imap.append('INBOX', source);
    if (!result || result.uid === undefined) throw new Error('APPEND returned no UID (UIDPLUS expected from Dovecot)');
    if (result.uidValidity !== undefined) uidValidity = BigInt(result.uidValidity);
    return BigInt(result.uid);
  }

  async function cursor(): Promise<{ uid_validity: string; last_uid: string } | undefined> {
    const [row] = await bed.ds.query('SELECT uid_validity, last_uid FROM mailbox_cursor WHERE mailbox_id = $1', [mailboxId]);
    return row;
  }

  const logs = () => bed.logs();

  beforeAll(async () => {
    [bed, dovecot] = await Promise.all([IntegrationBed.start(), startDovecot()]);
    ingestEnv = bed.baseEnv({
      IMAP_HOST: dovecot.host,
      IMAP_PORT: String(dovecot.port),
      IMAP_TLS: 'false',
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_MAILBOX: 'INBOX',
    });
    imap = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await imap.connect();
    ingest = await bed.startWorker('ingest', ingestEnv);
    const [mailbox] = await bed.ds.query('SELECT id, imap_host, imap_port, imap_user, folder, queue_id FROM mailbox');
    expect(mailbox).toMatchObject({ imap_host: dovecot.host, imap_port: dovecot.port, imap_user: dovecot.user, folder: 'INBOX', queue_id: expect.any(String) });
    mailboxId = mailbox.id;
  }, 30_000);

  afterAll(async () => {
    await imap?.logout().catch(() => imap.close());
    await bed?.stop();
    await dovecot?.stop();
  }, 30_000);

  it('stores three APPENDed messages with their bytes, hash and Message-ID, emits one mail.received each and advances the cursor', async () => {
    const uids = [await append(first), await append(second), await append(third)];

    const rows = await eventually(
      async () => {
        const found = await rawRows();
        expect(found).toHaveLength(3);
        return found;
      },
      { describe: logs },
    );

    expect(rows.map((r) => r.uid)).toEqual(uids.map(String));
    expect(rows.map((r) => r.message_id)).toEqual(['Report-1.AbC@example.org', 'folded-2@example.org', 'lower-3@example.org']);
    expect(rows.map((r) => r.sha256)).toEqual([sha256(first), sha256(second), sha256(third)]);
    for (const [i, source] of [first, second, third].entries()) {
      expect(Buffer.compare(rows[i].raw, source)).toBe(0);
      expect(rows[i]).toMatchObject({ mailbox_id: mailboxId, uid_validity: uidValidity.toString(), size: source.length, status: 'received' });
    }

    // One outbox row per message, published by the relay's fast path (or its sweep).
    const outbox = await eventually(
      async () => {
        const found: { id: string; subject: string; envelope: { data: { rawMessageId: string; mailboxId: string } }; published_at: Date | null }[] =
          await bed.ds.query('SELECT id, subject, envelope, published_at FROM outbox ORDER BY created_at');
        expect(found).toHaveLength(3);
        expect(found.every((row) => row.published_at !== null)).toBe(true);
        return found;
      },
      { describe: logs },
    );
    expect(outbox.map((row) => row.subject)).toEqual(Array(3).fill(Subjects.MailReceived));
    expect(outbox.map((row) => row.envelope.data)).toEqual(rows.map((r) => ({ rawMessageId: r.id, mailboxId })));

    const events = await eventually(async () => {
      const found = await bed.events(Subjects.MailReceived);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(new Set(events.map((e) => e.envelope.id)).size).toBe(3);
    expect(events.map((e) => e.msgId)).toEqual(events.map((e) => e.envelope.id));
    expect(events.map((e) => e.envelope.id).sort()).toEqual(outbox.map((row) => row.id).sort());
    for (const event of events) {
      expect(event.envelope).toMatchObject({ subject: Subjects.MailReceived, version: 1, occurredAt: expect.stringMatching(/Z$/) });
    }
    expect(events.map((e) => e.envelope.data.rawMessageId).sort()).toEqual(rows.map((r) => r.id).sort());

    expect(await cursor()).toEqual({ uid_validity: uidValidity.toString(), last_uid: uids[2].toString() });
  });

  it('picks up a message APPENDed while it runs within 2 s (IDLE, not a poll)', async () => {
    const source = mail(['From: idle@example.org', 'To: safety@casework.test', 'Subject: While idle', 'Message-ID: <idle-4@example.org>'], 'Arrives during IDLE.');
    const appendedAt = Date.now();
    const uid = await append(source);
    await eventually(
      async () => {
        const [row] = await bed.ds.query('SELECT sha256, message_id FROM raw_message WHERE uid = $1', [uid.toString()]);
        expect(row).toEqual({ sha256: sha256(source), message_id: 'idle-4@example.org' });
      },
      { timeoutMs: 2000, intervalMs: 20, describe: logs },
    );
    expect(Date.now() - appendedAt).toBeLessThan(2000);
    await eventually(async () => expect((await cursor())?.last_uid).toBe(uid.toString()));
  });

  it('stores a message without a Message-ID header (message_id NULL)', async () => {
    const source = mail(['From: anon@example.org', 'To: safety@casework.test', 'Subject: No id at all'], 'This message has no Message-ID.');
    const uid = await append(source);
    const row = await eventually(
      async () => {
        const [found] = await bed.ds.query('SELECT id, sha256, message_id, status FROM raw_message WHERE uid = $1', [uid.toString()]);
        expect(found).toBeDefined();
        return found;
      },
      { describe: logs },
    );
    expect(row).toMatchObject({ sha256: sha256(source), message_id: null, status: 'received' });
    await eventually(async () => {
      const events = await bed.events(Subjects.MailReceived);
      expect(events.map((e) => e.envelope.data.rawMessageId)).toContain(row.id);
    });
  });

  it('records a re-APPEND of the same bytes as a duplicate of the original, without a second event', async () => {
    const before = await rawRows();
    const eventsBefore = (await bed.events(Subjects.MailReceived)).length;
    const uid = await append(first);
    await eventually(async () => expect((await cursor())?.last_uid).toBe(uid.toString()), { describe: logs });
    const original = before.find((r) => r.sha256 === sha256(first))!;
    const [duplicate] = await bed.ds.query('SELECT status, duplicate_of, sha256, length(raw)::int AS stored FROM raw_message WHERE uid = $1', [uid.toString()]);
    expect(duplicate).toEqual({ status: 'duplicate', duplicate_of: original.id, sha256: sha256(first), stored: 0 });
    expect(await stored()).toHaveLength(before.length);
    expect(await bed.events(Subjects.MailReceived)).toHaveLength(eventsBefore);
  });

  it('after a crash and restart stores mail that arrived meanwhile and later, without duplicating anything', async () => {
    const before = await stored();
    await bed.stopWorker(ingest, 'SIGKILL');

    const whileDown = mail(['From: late@example.org', 'To: safety@casework.test', 'Subject: While down', 'Message-ID: <down-6@example.org>'], 'Sent while ingest was down.');
    const downUid = await append(whileDown);

    ingest = await bed.startWorker('ingest', ingestEnv);
    await eventually(
      async () => {
        const rows = await stored();
        expect(rows.map((r) => r.message_id)).toEqual([...before.map((r) => r.message_id), 'down-6@example.org']);
      },
      { describe: logs },
    );

    const afterRestart = mail(['From: next@example.org', 'To: safety@casework.test', 'Subject: After restart', 'Message-ID: <after-7@example.org>'], 'Sent after the restart.');
    const afterUid = await append(afterRestart);
    await eventually(
      async () => {
        const [row] = await bed.ds.query('SELECT message_id FROM raw_message WHERE uid = $1', [afterUid.toString()]);
        expect(row).toEqual({ message_id: 'after-7@example.org' });
      },
      { timeoutMs: 2000, intervalMs: 20, describe: logs },
    );

    const rows = await stored();
    expect(rows).toHaveLength(before.length + 2);
    expect(rows.slice(0, before.length).map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(rows.length);
    expect(rows.slice(-2).map((r) => r.uid)).toEqual([downUid.toString(), afterUid.toString()]);
    expect(await cursor()).toEqual({ uid_validity: uidValidity.toString(), last_uid: afterUid.toString() });

    // Exactly one mail.received per stored message, including the ones written by the killed process.
    const events = await eventually(async () => {
      const found = await bed.events(Subjects.MailReceived);
      expect(found).toHaveLength(rows.length);
      return found;
    }, { describe: logs });
    expect(events.map((e) => e.envelope.data.rawMessageId).sort()).toEqual(rows.map((r) => r.id).sort());
    const [{ unpublished }] = await bed.ds.query('SELECT count(*)::int AS unpublished FROM outbox WHERE published_at IS NULL');
    expect(unpublished).toBe(0);
  }, 30_000);

  it('stores a backlog in one batch: a second copy of new bytes in it is recorded as a duplicate of the first, one event each', async () => {
    const before = await stored();
    const eventsBefore = (await bed.events(Subjects.MailReceived)).length;
    await bed.stopWorker(ingest, 'SIGTERM');
    const twin = mail(['From: twin@example.org', 'To: safety@casework.test', 'Subject: Twice', 'Message-ID: <twin-8@example.org>'], 'Delivered twice.');
    const other = mail(['From: other@example.org', 'To: safety@casework.test', 'Subject: Once', 'Message-ID: <once-9@example.org>'], 'Delivered once.');
    const uids = [await append(twin), await append(other), await append(twin)];

    ingest = await bed.startWorker('ingest', ingestEnv);
    await eventually(async () => expect((await cursor())?.last_uid).toBe(uids[2].toString()), { describe: logs });
    const rows: { uid: string; status: string; duplicate_of: string | null; id: string }[] = await bed.ds.query(
      'SELECT id, uid, status, duplicate_of FROM raw_message WHERE uid = ANY($1::bigint[]) ORDER BY uid',
      [uids.map(String)],
    );
    expect(rows.map((r) => [r.uid, r.status === 'duplicate' ? 'duplicate' : 'stored'])).toEqual([
      [uids[0].toString(), 'stored'],
      [uids[1].toString(), 'stored'],
      [uids[2].toString(), 'duplicate'],
    ]);
    expect(rows[2].duplicate_of).toBe(rows[0].id);
    expect(await stored()).toHaveLength(before.length + 2);
    const events = await eventually(async () => {
      const found = await bed.events(Subjects.MailReceived);
      expect(found).toHaveLength(eventsBefore + 2);
      return found;
    }, { describe: logs });
    expect(events.slice(-2).map((e) => e.envelope.data.rawMessageId).sort()).toEqual([rows[0].id, rows[1].id].sort());
  }, 30_000);
});
