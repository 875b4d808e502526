import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { createDataSource, OutboundRepository, QueueRepository, seedDefaults, TicketReadRepository, TicketRepository, type NewOutbound } from '@casework/database';
import { createMigratedDatabase, freePort, type TestDatabase } from '@casework/devkit';
import { SmtpMailer } from '@casework/mail';
import { UnitOfWork, type OutboxRelay } from '@casework/messaging';
import { OutboundSenderService } from '../src/outbound-sender.service.js';

const QUEUE_ADDRESS = 'safety@casework.test';
const REFUSED = 'refused@example.org';

interface Delivered {
  to: string[];
  messageId: string | null;
}

/**
 * An SMTP server that refuses one recipient, answers each message after a short delay (so
 * concurrent conversations overlap) and counts how many sessions it had open at once.
 */
async function startRecordingServer(): Promise<{ port: number; delivered: Delivered[]; maxOpenSessions: () => number; stop: () => Promise<void> }> {
  const port = await freePort();
  const delivered: Delivered[] = [];
  let open = 0;
  let maxOpen = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onConnect: (_session, callback) => {
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      callback();
    },
    onClose: () => {
      open -= 1;
    },
    onRcptTo: (address, _session, callback) => {
      if (address.address !== REFUSED) return callback();
      callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
    },
    onData: (stream: SMTPServerDataStream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const headers = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0];
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId: /^Message-ID:\s*<([^>]+)>/im.exec(headers)?.[1] ?? null });
        setTimeout(() => callback(), 50);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  server.on('error', () => undefined);
  return { port, delivered, maxOpenSessions: () => maxOpen, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Batch sending of OutboundSenderService (in process) and the repository reads and writes it and the use case rely on. */
describe('outbound sending in batches (Postgres, a recording SMTP server)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let smtp: Awaited<ReturnType<typeof startRecordingServer>>;
  const senders: OutboundSenderService[] = [];
  const tickets = new TicketRepository();
  const ticketReads = new TicketReadRepository();
  const outbound = new OutboundRepository();
  // The outbox rows are what we check; nothing to publish to.
  const relay = { publishCommitted: async () => undefined } as unknown as OutboxRelay;

  function newSender(): OutboundSenderService {
    const sender = new OutboundSenderService(
      pino({ level: 'silent' }),
      ds,
      new UnitOfWork(ds, relay),
      outbound,
      tickets,
      new SmtpMailer({ host: '127.0.0.1', port: smtp.port, tls: false }),
    );
    senders.push(sender);
    return sender;
  }

  async function seedTickets(emails: string[]): Promise<{ id: string; number: string; email: string }[]> {
    return ds.transaction(async (tx) => {
      const queue = (await new QueueRepository().findDefault(tx))!;
      const requesterIds = await tickets.upsertContacts(
        tx,
        emails.map((email) => ({ email, name: null })),
      );
      const opened = await tickets.openMany(
        tx,
        requesterIds.map((requesterId) => ({ subject: 'Report', queueId: queue.id, requesterId, priority: 'normal' as const })),
      );
      return opened.map((ticket, i) => ({ ...ticket, email: emails[i] }));
    });
  }

  function message(ticket: { id: string; number: string; email: string }, kind: NewOutbound['kind'] = 'reply'): NewOutbound {
    return {
      ticketId: ticket.id,
      kind,
      messageId: `${randomUUID()}@casework.test`,
      inReplyTo: 'inbound@reporter.example',
      references: ['root@reporter.example', 'inbound@reporter.example'],
      fromEmail: QUEUE_ADDRESS,
      to: { email: ticket.email, name: null },
      subject: `Re: Report [#${ticket.number}]`,
      text: 'We are on it.',
    };
  }

  /** Queued messages to `count` new requesters (`refused` at the given positions). */
  async function queue(count: number, refusedAt: number[] = []): Promise<{ ids: string[]; messageIds: string[] }> {
    const seeded = await seedTickets(Array.from({ length: count }, (_, i) => (refusedAt.includes(i) ? REFUSED : `to-${randomUUID()}@example.org`)));
    const rows = seeded.map((ticket) => message(ticket));
    const ids = await ds.transaction((tx) => outbound.insertMany(tx, rows));
    return { ids: ids.map((id) => id!), messageIds: rows.map((row) => row.messageId) };
  }

  async function rows(ids: string[]): Promise<{ id: string; status: string; attempts: number; last_error: string | null; retry_in_s: number }[]> {
    return ds.query(
      `SELECT id, status, attempts, last_error, extract(epoch FROM next_attempt_at - now())::float AS retry_in_s
         FROM outbound_message WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  const deliveriesOf = (messageId: string) => smtp.delivered.filter((d) => d.messageId === messageId);

  beforeAll(async () => {
    [db, smtp] = await Promise.all([createMigratedDatabase(), startRecordingServer()]);
    ds = createDataSource({ url: db.url, poolSize: 6, applicationName: 'casework-outbound-test' });
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: QUEUE_ADDRESS, firstResponseMinutes: 60 });
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled(senders.map((sender) => sender.onApplicationShutdown()));
    await smtp?.stop();
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  }, 30_000);

  it('insertMany: one statement, ids in order, null where the ticket already has its acknowledgement', async () => {
    const [a, b] = await seedTickets([`a-${randomUUID()}@example.org`, `b-${randomUUID()}@example.org`]);
    const batch = [message(a, 'acknowledgement'), message(b, 'acknowledgement'), message(a, 'acknowledgement'), message(a, 'reply')];
    const ids = await ds.transaction((tx) => outbound.insertMany(tx, batch));
    expect(ids.map((id) => id !== null)).toEqual([true, true, false, true]);
    expect(new Set(ids.filter(Boolean)).size).toBe(3);
    // An acknowledgement of a ticket that has one already; `insert` answers the same way.
    expect(await ds.transaction((tx) => outbound.insertMany(tx, [message(b, 'acknowledgement')]))).toEqual([null]);
    expect(await outbound.insert(ds, message(b, 'acknowledgement'))).toBeNull();
    expect(await outbound.insertMany(ds, [])).toEqual([]);

    const stored = await outbound.find(ds, ids[0]!);
    expect(stored).toMatchObject({ ...batch[0], status: 'queued', attempts: 0 });
  });

  it('ticketsToAnswer: each ticket with its newest inbound threading, null without one, unknown ids left out', async () => {
    const [threaded, bare] = await seedTickets([`t-${randomUUID()}@example.org`, `u-${randomUUID()}@example.org`]);
    const article = (messageId: string | null, direction: 'inbound' | 'outbound', references: string[]) => ({
      ticketId: threaded.id,
      direction,
      from: { email: threaded.email, name: null },
      to: [],
      cc: [],
      subject: 'Report',
      text: '',
      html: null,
      messageId,
      inReplyTo: null,
      references,
      automated: false,
    });
    await tickets.addArticles(ds, [article('first@reporter.example', 'inbound', []), article('second@reporter.example', 'inbound', ['first@reporter.example'])]);
    await tickets.addArticles(ds, [article('ours@casework.test', 'outbound', ['second@reporter.example'])]);

    const missing = randomUUID();
    const found = await ticketReads.ticketsToAnswer(ds, [threaded.id, bare.id, missing, threaded.id]);
    expect([...found.keys()].sort()).toEqual([threaded.id, bare.id].sort());
    expect(found.get(threaded.id)).toEqual({
      id: threaded.id,
      number: threaded.number,
      subject: 'Report',
      queue: { id: expect.any(String), name: 'Safety', address: QUEUE_ADDRESS },
      requester: { email: threaded.email, name: null },
      lastInbound: { messageId: 'second@reporter.example', references: ['first@reporter.example'] },
    });
    expect(found.get(bare.id)?.lastInbound).toBeNull();
    expect(await ticketReads.ticketsToAnswer(ds, [])).toEqual(new Map());
  });

  it('sends a batch concurrently over pooled connections and records it in one transaction', async () => {
    const { ids, messageIds } = await queue(10);
    const sent = await newSender().sendAll(ids);

    expect([...sent].sort()).toEqual([...ids].sort());
    for (const messageId of messageIds) expect(deliveriesOf(messageId)).toHaveLength(1);
    expect(smtp.maxOpenSessions()).toBeGreaterThan(1);
    expect(smtp.maxOpenSessions()).toBeLessThanOrEqual(5);
    for (const row of await rows(ids)) expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });

    const articles: { id: string; outbound_id: string; message_id: string; tx: string }[] = await ds.query(
      `SELECT id, outbound_id, message_id, xmin::text AS tx FROM article WHERE outbound_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(articles.map((a) => a.outbound_id).sort()).toEqual([...ids].sort());
    expect(new Set(articles.map((a) => a.tx)).size).toBe(1);
    const events: { envelope: { data: Record<string, unknown> } }[] = await ds.query(
      `SELECT envelope FROM outbox WHERE subject = 'casework.reply.sent' AND envelope->'data'->>'outboundId' = ANY($1::text[])`,
      [ids],
    );
    expect(events.map((e) => e.envelope.data).sort((x, y) => String(x.outboundId).localeCompare(String(y.outboundId)))).toEqual(
      articles
        .map((a) => ({ outboundId: a.outbound_id, ticketId: expect.any(String), articleId: a.id, kind: 'reply', messageId: a.message_id }))
        .sort((x, y) => x.outboundId.localeCompare(y.outboundId)),
    );

    // Sent already: a second send does nothing.
    expect(await newSender().send(ids[0])).toBe(false);
    expect(deliveriesOf(messageIds[0])).toHaveLength(1);
  });

  it('a message the server refuses fails alone: its attempt is recorded for the retry sweep, the others are sent', async () => {
    const { ids, messageIds } = await queue(3, [1]);
    const sent = await newSender().sendAll(ids);

    expect([...sent].sort()).toEqual([ids[0], ids[2]].sort());
    const byId = new Map((await rows(ids)).map((row) => [row.id, row]));
    expect(byId.get(ids[0])).toMatchObject({ status: 'sent', attempts: 1 });
    expect(byId.get(ids[2])).toMatchObject({ status: 'sent', attempts: 1 });
    const refused = byId.get(ids[1])!;
    expect(refused).toMatchObject({ status: 'queued', attempts: 1 });
    expect(refused.last_error).toMatch(/550|mailbox unavailable/);
    expect(refused.retry_in_s).toBeGreaterThan(3);
    expect(deliveriesOf(messageIds[1])).toEqual([]);
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM article WHERE outbound_id = $1', [ids[1]]);
    expect(count).toBe(0);
  });

  it('skips a row another sender holds, and sends each message once when two senders race for a batch', async () => {
    const { ids, messageIds } = await queue(2);
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM outbound_message WHERE id = $1 FOR UPDATE', [ids[0]]);
      expect([...(await newSender().sendAll(ids))]).toEqual([ids[1]]);
      expect(deliveriesOf(messageIds[0])).toEqual([]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await rows([ids[0]]))[0]).toMatchObject({ status: 'queued', attempts: 0 });

    const race = await queue(8);
    const [first, second] = await Promise.all([newSender().sendAll(race.ids), sleep(5).then(() => newSender().sendAll(race.ids))]);
    expect([...first].filter((id) => second.has(id))).toEqual([]);
    expect([...first, ...second].sort()).toEqual([...race.ids].sort());
    for (const messageId of race.messageIds) expect(deliveriesOf(messageId)).toHaveLength(1);
  });
});
