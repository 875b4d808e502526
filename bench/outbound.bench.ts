/**
 * bench:outbound — acknowledgements rendered and handed to SMTP per second, beside the ceiling:
 * bare nodemailer sends of fixed messages — one acknowledgement rendered once per language of the
 * mix (text and HTML parts, as every acknowledgement has), taken in turn — over the same pooled transport (5 connections, 100
 * messages each) to the same local sink, in the same run. What the service adds (events, the
 * database, rendering each one, the delivery states) is what the ratio measures.
 *
 * - pipeline: the built template-reply service drains a burst of N ticket.opened events (published
 *   while it is stopped, then it starts): per batch it claims the events, reads the tickets and the
 *   library, renders each acknowledgement (text + HTML, the writer's language: en, es, ar and zh
 *   across four queues), queues rows and articles, claims them, sends them and records the outcome.
 *   Rate: messages accepted by the sink between its first and its last.
 * - in process: the same rendering (composeAnswer) and SmtpMailer, without the database.
 * - bare: nodemailer sendMail of those fixed messages; twice before the pipeline (the first warms up)
 *   and once after, the fastest run is the ceiling. A one-line plain-text message is timed too, for scale.
 *
 * Options: --acks N (3000). Goal: pipeline ≥ 0.7 × the bare ceiling. Ends with one JSON line.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import nodemailer from 'nodemailer';
import type { DataSource } from 'typeorm';
import { Subjects } from '@casework/contracts';
import { AnswerContextRepository, createDataSource, runMigrations, seedDefaults, TemplateRepository } from '@casework/database';
import { createDatabase, envelope, freePort, startNats, startService, waitForHealthy, type ManagedProcess } from '@casework/devkit';
import { answerTarget, PARTIAL_KEYS } from '@casework/domain';
import { composeAnswer, SmtpMailer } from '@casework/mail';
import { option } from './bench-options.js';
import { round } from './format.js';
import { cpuMsOf } from './process-cpu.js';
import { SmtpSink } from './smtp-sink.js';

const GOAL = 0.7;
const QUEUES = [
  { slug: 'safety', locale: null },
  { slug: 'ayuda', locale: 'es' },
  { slug: 'musaada', locale: 'ar' },
  { slug: 'bangzhu', locale: 'zh' },
];

/** N tickets spread over the four queues, each from its own sender with one inbound mail. */
async function seedTickets(ds: DataSource, count: number): Promise<{ id: string; number: string; queueId: string }[]> {
  for (const queue of QUEUES.slice(1)) {
    await ds.query(`INSERT INTO queue (slug, name, address, default_locale, time_zone) VALUES ($1, $1, $1 || '@casework.test', $2, 'Europe/Madrid')`, [queue.slug, queue.locale]);
  }
  await ds.query(`INSERT INTO contact (email, name) SELECT 'writer' || g || '@example.org', 'Writer ' || g FROM generate_series(1, $1::int) g`, [count]);
  return ds.query(
    `WITH q AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM queue),
          t AS (INSERT INTO ticket (number, subject, queue_id, requester_id)
                SELECT 'B' || g, 'Report ' || g, q.id, c.id
                  FROM generate_series(1, $1::int) g JOIN q ON q.n = g % 4 JOIN contact c ON c.email = 'writer' || g || '@example.org'
                RETURNING id, number, queue_id, requester_id),
          a AS (INSERT INTO article (ticket_id, direction, from_email, subject, body_text, message_id)
                SELECT t.id, 'inbound', c.email, 'Report', 'Someone keeps threatening me.', t.number || '@reporter.example'
                  FROM t JOIN contact c ON c.id = t.requester_id RETURNING id)
     SELECT t.id, t.number, t.queue_id AS "queueId" FROM t ORDER BY t.number`,
    [count],
  );
}

type FixedMessage = { from: string; to: string; subject: string; text: string; html?: string; replyTo?: string; headers?: Record<string, string> };

const PLAIN: FixedMessage = { from: 'safety@casework.test', to: 'writer@example.org', subject: 'We received your message [#100007]', text: 'Thank you for writing to us. Your message is now ticket 100007.\n' };

/** Bare nodemailer: fixed messages (taken in turn) `count` times over a pool like SmtpMailer's. Messages per second at the sink. */
async function bareRate(count: number, fixed: FixedMessage[]): Promise<number> {
  const sink = await SmtpSink.start();
  const transport = nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, pool: true, maxConnections: 5, maxMessages: 100 });
  await Promise.all(Array.from({ length: count }, (_, i) => transport.sendMail({ ...fixed[i % fixed.length]!, messageId: `<bare-${i}@casework.test>` })));
  transport.close();
  await sink.stop();
  return sink.rate();
}

/** One acknowledgement as the service renders it: the fixed messages of the ceiling are one per queue's language. */
async function renderedAcknowledgement(ds: DataSource, ticketId: string): Promise<FixedMessage> {
  const context = (await new AnswerContextRepository().forTickets(ds, [ticketId])).get(ticketId)!;
  const library = await new TemplateRepository().library(ds, ['acknowledgement', ...PARTIAL_KEYS], [context.queue.id]);
  const mail = composeAnswer(library, 'acknowledgement', answerTarget(context))!;
  return { from: context.queue.address, to: context.requester.email, replyTo: context.queue.address, subject: mail.subject, text: mail.text, html: mail.html, headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } };
}

/** The service's rendering and mailer in this process, without the database: composeAnswer + SmtpMailer.send. */
async function inProcessRates(ds: DataSource, tickets: { id: string }[]): Promise<{ renderPerSecond: number; sendPerSecond: number }> {
  const contexts = await new AnswerContextRepository().forTickets(ds, tickets.map((t) => t.id));
  const library = await new TemplateRepository().library(ds, ['acknowledgement', ...PARTIAL_KEYS], [...contexts.values()].map((c) => c.queue.id));
  let started = performance.now();
  const rendered = [...contexts.values()].map((context) => ({ context, mail: composeAnswer(library, 'acknowledgement', answerTarget(context))! }));
  const renderPerSecond = (rendered.length * 1000) / (performance.now() - started);
  const sink = await SmtpSink.start();
  const mailer = new SmtpMailer({ host: sink.host, port: sink.port, tls: false });
  started = performance.now();
  await Promise.all(
    rendered.map(({ context, mail }, i) =>
      mailer.send({ from: context.queue.address, to: context.requester, replyTo: context.queue.address, subject: mail.subject, text: mail.text, html: mail.html, messageId: `inproc-${i}@casework.test`, headers: { 'Auto-Submitted': 'auto-replied' } }),
    ),
  );
  mailer.close();
  await sink.stop();
  return { renderPerSecond, sendPerSecond: sink.rate() };
}

async function main(): Promise<void> {
  const acks = option('acks', 3000, { integer: true });
  const db = await createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL });
  const nats = await startNats();
  const sink = await SmtpSink.start();
  await runMigrations(db.url);
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-bench-outbound' });
  await ds.initialize();
  let service: ManagedProcess | undefined;
  const start = async () => {
    const httpPort = await freePort();
    const started = startService('template-reply', {
      PATH: process.env.PATH,
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      SMTP_HOST: sink.host,
      SMTP_PORT: String(sink.port),
      MAIL_FROM: 'safety@casework.test',
      LOG_LEVEL: 'warn',
      HTTP_PORT: String(httpPort),
      // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where the service's time goes.
      CASEWORK_NODE_FLAGS: process.env.CASEWORK_NODE_FLAGS,
    });
    await waitForHealthy(started, `http://127.0.0.1:${httpPort}/health`, 60_000);
    return started;
  };
  try {
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    const tickets = await seedTickets(ds, acks);
    await ds.query('ANALYZE');
    console.error(`seeded ${tickets.length} tickets over ${QUEUES.length} queues (en, es, ar, zh)`);

    // One rendered acknowledgement per queue (en, es, ar, zh), the mix the service sends.
    const fixed = await Promise.all(QUEUES.map((_, i) => renderedAcknowledgement(ds, tickets.find((t) => Number(t.number.slice(1)) % QUEUES.length === i)!.id)));
    const bareRuns = [await bareRate(acks, fixed), await bareRate(acks, fixed)];
    const plain = await bareRate(acks, [PLAIN]);
    console.error(`bare nodemailer, rendered acknowledgements: ${bareRuns.map((r) => round(r)).join(', ')} messages/s; a one-line plain message: ${round(plain)}/s`);

    // The first start creates the stream and the durable consumer the burst then waits in.
    service = await start();
    await service.kill();
    const nc = await connect({ servers: nats.url });
    const js = jetstream(nc);
    await Promise.all(
      tickets.map((ticket) => {
        const event = envelope(Subjects.TicketOpened, { ticketId: ticket.id, ticketNumber: ticket.number, queueId: ticket.queueId, articleId: ticket.id, priority: 'normal', requester: { email: 'x@example.org', name: null }, subject: 'Report', automation: { automated: false, reason: null } });
        return js.publish(event.subject, JSON.stringify(event), { msgID: event.id });
      }),
    );
    await nc.close();
    service = await start();
    const cpuBefore = cpuMsOf(service.pid);
    const deadline = Date.now() + 120_000;
    while (sink.received < acks && Date.now() < deadline) await sleep(50);
    const cpuMs = cpuMsOf(service.pid) - cpuBefore;
    const pipeline = sink.rate();
    await service.kill();
    service = undefined;
    const [{ sent }] = await ds.query(`SELECT count(*)::int AS sent FROM outbound_message WHERE kind = 'acknowledgement' AND status = 'sent'`);
    console.error(`template-reply: ${sink.received}/${acks} acknowledgements at the sink, ${round(pipeline)} per second (${sent} recorded sent; CPU ${cpuMs} ms)`);

    const inProcess = await inProcessRates(ds, tickets);
    console.error(`in process, no database: ${round(inProcess.renderPerSecond)} renders/s, ${round(inProcess.sendPerSecond)} rendered sends/s`);
    bareRuns.push(await bareRate(acks, fixed));
    const ceiling = Math.max(...bareRuns);
    const ratio = pipeline / ceiling;
    const ok = sink.received === acks && sent === acks && ratio >= GOAL;
    console.error(
      `bare nodemailer ceiling: ${round(ceiling)} messages/s (runs ${bareRuns.map((r) => round(r)).join(', ')})\n` +
        `acknowledgements: ${round(pipeline)}/s = ${round(ratio, 2)}× the ceiling (in process ${round(inProcess.sendPerSecond / ceiling, 2)}×); goal ≥ ${GOAL}×: ${ok ? 'met' : 'NOT met'}`,
    );
    console.log(
      JSON.stringify({
        bench: 'outbound',
        acks,
        delivered: sink.received,
        recordedSent: sent,
        acksPerSecond: round(pipeline),
        bareCeilingPerSecond: round(ceiling),
        bareRuns: bareRuns.map((r) => round(r)),
        barePlainPerSecond: round(plain),
        ratio: round(ratio, 3),
        inProcessSendPerSecond: round(inProcess.sendPerSecond),
        inProcessRatio: round(inProcess.sendPerSecond / ceiling, 3),
        rendersPerSecond: round(inProcess.renderPerSecond),
        serviceCpuMs: cpuMs,
        goal: GOAL,
        ok,
      }),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await service?.kill();
    await ds.destroy().catch(() => undefined);
    await Promise.allSettled([nats.stop(), sink.stop()]);
    await db.drop().catch(() => undefined);
  }
}

await main();
