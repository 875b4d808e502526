import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { loadConfig, TemplateReplySettings } from '@casework/config';
import { AnswerContextRepository, AttachmentRepository, createDataSource, OutboundDeliveryRepository, OutboundRepository, QueueRepository, seedDefaults, TicketRepository, type NewOutbound } from '@casework/database';
import { createMigratedDatabase, freePort, type TestDatabase } from '@casework/devkit';
import { SmtpMailer } from '@casework/mail';
import { UnitOfWork, type OutboxRelay } from '@casework/messaging';
import { OutboundSenderService } from '../src/outbound-sender.service.js';

const QUEUE_ADDRESS = 'safety@casework.test';
const REFUSED = 'refused@example.org';

interface Delivered {
  to: string[];
  messageId: string | null;
  raw: Buffer;
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
        const raw = Buffer.concat(chunks);
        const headers = raw.toString('utf8').split('\r\n\r\n')[0];
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId: /^Message-ID:\s*<([^>]+)>/im.exec(headers)?.[1] ?? null, raw });
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
    const outbound = new OutboundRepository();
  const delivery = new OutboundDeliveryRepository();
  // The outbox rows are what we check; nothing to publish to.
  const relay = { publishCommitted: async () => undefined } as unknown as OutboxRelay;

  function newSender(env: Record<string, string> = {}, port = smtp.port): OutboundSenderService {
    const sender = new OutboundSenderService(
      pino({ level: 'silent' }),
      loadConfig(TemplateReplySettings, env),
      ds,
      new UnitOfWork(ds, relay),
      delivery,
      new AttachmentRepository(),
      tickets,
      new SmtpMailer({ host: '127.0.0.1', port, tls: false }),
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
    return { ids: ids.map((row) => row!.id), messageIds: rows.map((row) => row.messageId) };
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

  it('insertMany: one statement, rows and their articles in order, null where the ticket already has its acknowledgement', async () => {
    const [a, b] = await seedTickets([`a-${randomUUID()}@example.org`, `b-${randomUUID()}@example.org`]);
    const batch = [message(a, 'acknowledgement'), message(b, 'acknowledgement'), message(a, 'acknowledgement'), { ...message(a, 'reply'), cc: [{ email: 'cc@example.org', name: null }], html: '<p>x</p>', locale: 'es' }];
    const ids = await ds.transaction((tx) => outbound.insertMany(tx, batch));
    expect(ids.map((id) => id !== null)).toEqual([true, true, false, true]);
    expect(new Set(ids.filter(Boolean).map((row) => row!.id)).size).toBe(3);
    // An acknowledgement of a ticket that has one already; `insert` answers the same way.
    expect(await ds.transaction((tx) => outbound.insertMany(tx, [message(b, 'acknowledgement')]))).toEqual([null]);
    expect(await outbound.insert(ds, message(b, 'acknowledgement'))).toBeNull();
    expect(await outbound.insertMany(ds, [])).toEqual([]);

    const stored = await outbound.find(ds, ids[0]!.id);
    expect(stored).toMatchObject({ ...batch[0], status: 'queued', attempts: 0, articleId: ids[0]!.articleId, cc: [], html: null, template: null });
    const articles = await ds.query(`SELECT id, outbound_id, direction, automated, message_id, cc_addresses, body_html FROM article WHERE outbound_id = ANY($1::uuid[]) ORDER BY created_at`, [ids.filter(Boolean).map((row) => row!.id)]);
    expect(articles).toEqual([
      { id: ids[0]!.articleId, outbound_id: ids[0]!.id, direction: 'outbound', automated: true, message_id: batch[0].messageId, cc_addresses: [], body_html: null },
      { id: ids[1]!.articleId, outbound_id: ids[1]!.id, direction: 'outbound', automated: true, message_id: batch[1].messageId, cc_addresses: [], body_html: null },
      { id: ids[3]!.articleId, outbound_id: ids[3]!.id, direction: 'outbound', automated: false, message_id: batch[3].messageId, cc_addresses: [{ email: 'cc@example.org', name: null }], body_html: '<p>x</p>' },
    ]);
  });

  it("reads the ticket's language routing detected (null until it has one) and its queue's mail settings", async () => {
    const [ticket] = await seedTickets([`lang-${randomUUID()}@example.org`]);
    const contexts = new AnswerContextRepository();
    expect((await contexts.forTickets(ds, [ticket.id])).get(ticket.id)?.ticket.language).toBeNull();
    await ds.query(`UPDATE ticket SET language = 'ar' WHERE id = $1`, [ticket.id]);
    const context = (await contexts.forTickets(ds, [ticket.id])).get(ticket.id)!;
    expect(context.ticket.language).toBe('ar');
    expect(context.queue).toMatchObject({ address: QUEUE_ADDRESS, defaultLocale: null, timeZone: null, emergency: false });
    expect(context.lastInbound).toBeNull();
  });

  it('AnswerContextRepository: each ticket with its newest inbound mail, null without one, unknown ids left out', async () => {
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
    const found = await new AnswerContextRepository().forTickets(ds, [threaded.id, bare.id, missing, threaded.id]);
    expect([...found.keys()].sort()).toEqual([threaded.id, bare.id].sort());
    expect(found.get(threaded.id)).toEqual({
      ticket: { id: threaded.id, number: threaded.number, subject: 'Report', priority: 'normal', createdAt: expect.any(Date), language: null, slaDueAt: null },
      queue: { id: expect.any(String), name: 'Safety', address: QUEUE_ADDRESS, defaultLocale: null, timeZone: null, emergency: false },
      requester: { email: threaded.email, name: null },
      lastInbound: { messageId: 'second@reporter.example', references: ['first@reporter.example'], text: '', from: threaded.email, date: expect.any(Date) },
    });
    expect(found.get(bare.id)?.lastInbound).toBeNull();
    expect(await new AnswerContextRepository().forTickets(ds, [])).toEqual(new Map());
  });

  it('sends a batch concurrently over pooled connections and records it in one transaction', async () => {
    const { ids, messageIds } = await queue(10);
    const sent = await newSender().sendAll(ids);

    expect([...sent].sort()).toEqual([...ids].sort());
    for (const messageId of messageIds) expect(deliveriesOf(messageId)).toHaveLength(1);
    expect(smtp.maxOpenSessions()).toBeGreaterThan(1);
    expect(smtp.maxOpenSessions()).toBeLessThanOrEqual(5);
    for (const row of await rows(ids)) expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    // Each row keeps the bytes the server received, exactly (what a case export holds as outbound/NNN.eml).
    const kept: { message_id: string; sent_raw: Buffer }[] = await ds.query(`SELECT message_id, sent_raw FROM outbound_message WHERE id = ANY($1::uuid[])`, [ids]);
    for (const row of kept) expect(row.sent_raw.equals(deliveriesOf(row.message_id)[0]!.raw)).toBe(true);

    const articles: { id: string; outbound_id: string; message_id: string }[] = await ds.query(`SELECT id, outbound_id, message_id FROM article WHERE outbound_id = ANY($1::uuid[])`, [ids]);
    expect(articles.map((a) => a.outbound_id).sort()).toEqual([...ids].sort());
    // The outcomes of the batch are one transaction.
    const [{ transactions }] = await ds.query(`SELECT count(DISTINCT xmin::text)::int AS transactions FROM outbound_message WHERE id = ANY($1::uuid[])`, [ids]);
    expect(transactions).toBe(1);
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

  it('a message the server refuses for good (550) fails alone, at once and visibly, with reply.failed; the others are sent', async () => {
    const { ids, messageIds } = await queue(3, [1]);
    const sent = await newSender().sendAll(ids);

    expect([...sent].sort()).toEqual([ids[0], ids[2]].sort());
    const byId = new Map((await rows(ids)).map((row) => [row.id, row]));
    expect(byId.get(ids[0])).toMatchObject({ status: 'sent', attempts: 1 });
    expect(byId.get(ids[2])).toMatchObject({ status: 'sent', attempts: 1 });
    const refused = byId.get(ids[1])!;
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.last_error).toMatch(/550.*mailbox unavailable/);
    expect(deliveriesOf(messageIds[1])).toEqual([]);
    const [event] = await ds.query(`SELECT envelope FROM outbox WHERE subject = 'casework.reply.failed' AND envelope->'data'->>'outboundId' = $1`, [ids[1]]);
    expect(event.envelope.data).toEqual({ outboundId: ids[1], ticketId: expect.any(String), articleId: expect.any(String), kind: 'reply', messageId: messageIds[1], attempts: 1, error: expect.stringMatching(/550/), permanent: true });
    // The retry sweep leaves it alone.
    expect(await delivery.dueIds(ds, 1000)).not.toContain(ids[1]);
  });

  it('a temporary failure is queued again with backoff, and fails (not permanently) once the attempts run out', async () => {
    const { ids } = await queue(1);
    // Nothing listens on that port: a connection error, retried.
    const down = newSender({ OUTBOUND_MAX_ATTEMPTS: '2', OUTBOUND_RETRY_BASE_MS: '60000' }, await freePort());
    expect(await down.sendAll(ids)).toEqual(new Set());
    const [first] = await rows(ids);
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(first.retry_in_s).toBeGreaterThan(55);
    expect(first.retry_in_s).toBeLessThanOrEqual(60);
    expect(await down.sendAll(ids)).toEqual(new Set());
    expect((await rows(ids))[0]).toMatchObject({ status: 'failed', attempts: 2 });
    const [event] = await ds.query(`SELECT envelope FROM outbox WHERE subject = 'casework.reply.failed' AND envelope->'data'->>'outboundId' = $1`, [ids[0]]);
    expect(event.envelope.data).toMatchObject({ attempts: 2, permanent: false });
  });

  it('takes over a message whose sender died while sending (lease passed), and fails one that had no attempt left', async () => {
    const { ids, messageIds } = await queue(2);
    // As a sender that claimed them and died: sending, lease over.
    await ds.query(`UPDATE outbound_message SET status = 'sending', attempts = 1, claim_id = gen_random_uuid(), claimed_until = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [ids]);
    await ds.query(`UPDATE outbound_message SET attempts = 8 WHERE id = $1`, [ids[1]]);
    expect(await delivery.dueIds(ds, 1000)).toEqual(expect.arrayContaining(ids));
    const sender = newSender();
    expect([...(await sender.sendAll(ids))]).toEqual([ids[0]]);
    expect(deliveriesOf(messageIds[0])).toHaveLength(1);
    expect((await rows([ids[0]]))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    await (sender as unknown as { retryDue: () => Promise<void> }).retryDue();
    const [abandoned] = await rows([ids[1]]);
    expect(abandoned).toMatchObject({ status: 'failed', attempts: 8 });
    expect(abandoned.last_error).toMatch(/sender stopped during the last attempt/);
    expect(deliveriesOf(messageIds[1])).toEqual([]);
  });

  it('skips a row another sender holds or claimed, and sends each message once when two senders race for a batch', async () => {
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
    // Claimed by a live sender (lease running): skipped too.
    await ds.query(`UPDATE outbound_message SET status = 'sending', claim_id = gen_random_uuid(), claimed_until = now() + interval '1 minute' WHERE id = $1`, [ids[0]]);
    expect(await newSender().sendAll([ids[0]])).toEqual(new Set());
    expect(await delivery.dueIds(ds, 1000)).not.toContain(ids[0]);

    const race = await queue(8);
    const [first, second] = await Promise.all([newSender().sendAll(race.ids), sleep(5).then(() => newSender().sendAll(race.ids))]);
    expect([...first].filter((id) => second.has(id))).toEqual([]);
    expect([...first, ...second].sort()).toEqual([...race.ids].sort());
    for (const messageId of race.messageIds) expect(deliveriesOf(messageId)).toHaveLength(1);
  });
});
