import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { Subjects } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, freePort, IntegrationBed, startService, type Worker } from '@casework/devkit';

interface DataAttempt {
  to: string[];
  messageId: string | null;
  answered: number;
}

/**
 * A real SMTP listener with a script per recipient: `flaky@` answers 421 to the first two DATA
 * of a message and 250 to the third; `refused@` gets 550 at RCPT; for `crash@` a hook runs
 * before the 250 (the test takes the outbound row's lock there). Every DATA is recorded with its
 * Message-ID and the code it was answered.
 */
async function startScriptedServer(beforeAccept: (attempt: DataAttempt) => Promise<void>) {
  const port = await freePort();
  const attempts: DataAttempt[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onRcptTo: (address, _session, callback) => {
      if (address.address.startsWith('refused@')) return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData: (stream: SMTPServerDataStream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const headers = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0];
        const attempt: DataAttempt = { to: session.envelope.rcptTo.map((r) => r.address), messageId: /^Message-ID:\s*<([^>]+)>/im.exec(headers)?.[1] ?? null, answered: 250 };
        attempts.push(attempt);
        const earlier = attempts.filter((a) => a.messageId === attempt.messageId).length;
        if (attempt.to.some((to) => to.startsWith('flaky@')) && earlier <= 2) {
          attempt.answered = 421;
          return callback(Object.assign(new Error('4.7.0 try again later'), { responseCode: 421 }));
        }
        beforeAccept(attempt).then(() => callback(), (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  server.on('error', () => undefined);
  return { port, attempts, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('outbound delivery against a real SMTP listener (built template-reply)', () => {
  let bed: IntegrationBed;
  let smtp: Awaited<ReturnType<typeof startScriptedServer>>;
  let worker: Worker;
  let onCrashRecipient: (attempt: DataAttempt) => Promise<void> = async () => undefined;
  const tickets = new TicketRepository();

  const workerEnv = () =>
    bed.baseEnv({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      // A fast schedule: waits of 300 ms, 600 ms, …; a dead sender's lease passes after 1.5 s.
      OUTBOUND_RETRY_BASE_MS: '300',
      OUTBOUND_RETRY_FACTOR: '2',
      OUTBOUND_RETRY_SWEEP_MS: '100',
      OUTBOUND_SENDING_LEASE_MS: '1500',
    });

  async function openTicket(email: string): Promise<{ id: string; number: string }> {
    const ticket = await bed.ds.transaction(async (tx) => {
      const queue = (await new QueueRepository().findDefault(tx))!;
      const requesterId = await tickets.upsertContact(tx, { email, name: null });
      const opened = await tickets.open(tx, { subject: `Report ${randomUUID().slice(0, 8)}`, queueId: queue.id, requesterId, priority: 'normal' });
      return { ...opened, queueId: queue.id };
    });
    await bed.publish(
      envelope(Subjects.TicketOpened, {
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        queueId: ticket.queueId,
        articleId: randomUUID(),
        priority: 'normal',
        requester: { email, name: null },
        subject: 'Report',
        automation: { automated: false, reason: null },
      }),
    );
    return ticket;
  }

  const outboundOf = async (ticketId: string) =>
    bed.ds.query(`SELECT id, message_id, status, attempts, last_error, sent_at FROM outbound_message WHERE ticket_id = $1`, [ticketId]) as Promise<
      { id: string; message_id: string; status: string; attempts: number; last_error: string | null; sent_at: Date | null }[]
    >;

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start(), startScriptedServer((attempt) => (attempt.to.some((to) => to.startsWith('crash@')) ? onCrashRecipient(attempt) : Promise.resolve()))]);
    worker = await bed.startWorker('template-reply', workerEnv());
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it('retries 421 twice, then delivers once on the 250, with the same Message-ID every time', async () => {
    const ticket = await openTicket('flaky@example.org');
    const [row] = await eventually(async () => {
      const rows = await outboundOf(ticket.id);
      expect(rows[0]?.status).toBe('sent');
      return rows;
    }, { timeoutMs: 15_000, describe: () => bed.logs() });
    const tries = smtp.attempts.filter((a) => a.to.includes('flaky@example.org'));
    expect(tries.map((a) => [a.messageId, a.answered])).toEqual([
      [row.message_id, 421],
      [row.message_id, 421],
      [row.message_id, 250],
    ]);
    expect(row).toMatchObject({ attempts: 3, last_error: null, sent_at: expect.any(Date) });
    const sent = (await bed.events(Subjects.ReplySent)).filter((e) => e.envelope.data.ticketId === ticket.id);
    expect(sent).toHaveLength(1);
  });

  it('fails a message the server refuses for good (550): failed at once, the error kept, casework.reply.failed', async () => {
    const ticket = await openTicket('refused@example.org');
    const [row] = await eventually(async () => {
      const rows = await outboundOf(ticket.id);
      expect(rows[0]?.status).toBe('failed');
      return rows;
    }, { timeoutMs: 10_000, describe: () => bed.logs() });
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/550.*mailbox unavailable/);
    const failed = await eventually(async () => {
      const events = (await bed.events(Subjects.ReplyFailed)).filter((e) => e.envelope.data.ticketId === ticket.id);
      expect(events).toHaveLength(1);
      return events[0]!.envelope.data;
    });
    expect(failed).toEqual({ outboundId: row.id, ticketId: ticket.id, articleId: expect.any(String), kind: 'acknowledgement', messageId: row.message_id, attempts: 1, error: expect.stringMatching(/550/), permanent: true });
    const [article] = await bed.ds.query(`SELECT id FROM article WHERE outbound_id = $1`, [row.id]);
    expect(article.id).toBe(failed.articleId);
    // No second try: it stays failed.
    await sleep(500);
    expect(smtp.attempts.filter((a) => a.to.includes('refused@example.org'))).toEqual([]);
    expect((await outboundOf(ticket.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('a crash between the 250 and the commit resends the same Message-ID once more, never a different acknowledgement', async () => {
    const holder = bed.ds.createQueryRunner();
    await holder.connect();
    let blocked!: () => void;
    const sentButUnrecorded = new Promise<void>((resolve) => (blocked = resolve));
    // Before the first 250: hold the outbound row's lock, so template-reply's record of the send waits on it.
    onCrashRecipient = async (attempt) => {
      onCrashRecipient = async () => undefined;
      await holder.startTransaction();
      await holder.query('SELECT id FROM outbound_message WHERE message_id = $1 FOR UPDATE', [attempt.messageId]);
      blocked();
    };
    const ticket = await openTicket('crash@example.org');
    await sentButUnrecorded;
    // The 250 is out; template-reply now waits on the lock inside its recording transaction.
    await eventually(async () => {
      const [{ waiting }] = await bed.ds.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE application_name = 'casework-template-reply' AND wait_event_type = 'Lock'`);
      expect(waiting).toBe(1);
    });
    await bed.stopWorker(worker, 'SIGKILL');
    await holder.rollbackTransaction();
    await holder.release();
    const [stuck] = await outboundOf(ticket.id);
    expect(stuck).toMatchObject({ status: 'sending', attempts: 1 });

    worker = await bed.startWorker('template-reply', workerEnv());
    const [row] = await eventually(async () => {
      const rows = await outboundOf(ticket.id);
      expect(rows[0]?.status).toBe('sent');
      return rows;
    }, { timeoutMs: 15_000, describe: () => bed.logs() });
    const delivered = smtp.attempts.filter((a) => a.to.includes('crash@example.org'));
    expect(delivered.map((a) => a.messageId)).toEqual([row.message_id, row.message_id]);
    expect(row.attempts).toBe(2);
    expect(await outboundOf(ticket.id)).toHaveLength(1);
    const [{ count }] = await bed.ds.query(`SELECT count(*)::int AS count FROM article WHERE ticket_id = $1 AND direction = 'outbound'`, [ticket.id]);
    expect(count).toBe(1);
    // The ticket.opened redelivered to the new process queues nothing new.
    await sleep(1000);
    expect(new Set(smtp.attempts.filter((a) => a.to.includes('crash@example.org')).map((a) => a.messageId))).toEqual(new Set([row.message_id]));
  }, 60_000);

  it('refuses to start with a DKIM key that cannot sign, naming the setting but not its value', async () => {
    const output: string[] = [];
    const badKey = '-----BEGIN PRIVATE KEY-----\\nnot-really-a-key-material\\n-----END PRIVATE KEY-----';
    const child = startService('template-reply', { ...workerEnv(), HTTP_PORT: '0', DKIM_DOMAIN: 'casework.test', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY: badKey }, (line) => output.push(line));
    expect(await child.exited).toBe(78);
    const said = output.join('\n');
    expect(said).toContain('DKIM_PRIVATE_KEY: is not a PEM private key');
    expect(said).not.toContain('not-really-a-key-material');
  });
});
