import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, QueueRepository, RawMessageRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, sha256, type Worker } from '@casework/devkit';

/** The gauges ops alert on (deploy/prometheus/alerts.yml), as the notification process exports them. */
describe('ops metrics on the notification process (built process, real Postgres and NATS)', () => {
  let bed: IntegrationBed;
  let worker: Worker;
  let queueSlug: string;

  const metrics = async () => (await fetch(`http://127.0.0.1:${worker.httpPort}/metrics`)).text();
  const value = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    worker = await bed.startWorker('notification', bed.baseEnv({ LOG_LEVEL: 'warn', SLA_SWEEP_MAX_SLEEP_MS: '250' }));
    const queue = (await new QueueRepository().findDefault(bed.ds))!;
    queueSlug = queue.slug;

    // A watched mailbox, idle, its lease renewed 30 s ago, its newest message two minutes old.
    const mailbox = await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' });
    await bed.ds.query(`INSERT INTO mailbox_status (mailbox_id, lease_holder, lease_renewed_at, state) VALUES ($1, 'ingest-a', now() - interval '30 seconds', 'idle')`, [mailbox.id]);
    const raw = new RawMessageRepository();
    for (const [uid, age, status] of [[1, '2 minutes', 'ticketed'], [2, '10 minutes', 'quarantined'], [3, '20 minutes', 'quarantined']] as const) {
      const bytes = Buffer.from(`Subject: ${uid}\r\n\r\nbody\r\n`);
      const id = await raw.insert(bed.ds, { mailboxId: mailbox.id, uidValidity: 1n, uid: BigInt(uid), sha256: sha256(bytes), messageId: `${uid}@ops.test`, raw: bytes });
      await bed.ds.query(`UPDATE raw_message SET received_at = now() - $2::interval, status = $3, quarantine_reason = CASE WHEN $3 = 'quarantined' THEN 'test' END WHERE id = $1`, [id, age, status]);
    }

    // One open ticket with running SLA clocks, and its outbound mail: two queued, one failed.
    const tickets = new TicketRepository();
    const requesterId = await tickets.upsertContact(bed.ds, { email: 'rita@example.org', name: 'Rita' });
    const ticket = await tickets.open(bed.ds, { subject: 'Ops metrics', queueId: queue.id, requesterId, priority: 'normal' });
    for (const [n, status] of [[1, 'queued'], [2, 'queued'], [3, 'failed']] as const) {
      await bed.ds.query(
        `INSERT INTO outbound_message (ticket_id, kind, message_id, from_email, to_email, subject, body_text, status) VALUES ($1, 'reply', $2, 'safety@casework.test', 'rita@example.org', 'Re', 'x', $3)`,
        [ticket.id, `<ops-${n}@casework.test>`, status],
      );
    }
    await bed.publish(
      envelope(Subjects.TicketOpened, {
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        queueId: queue.id,
        articleId: '00000000-0000-4000-8000-000000000000',
        priority: 'normal',
        requester: { email: 'rita@example.org', name: null },
        subject: 'Ops metrics',
        automation: { automated: false, reason: null },
      }),
    );
  }, 90_000);

  afterAll(async () => {
    await bed?.stop();
  }, 30_000);

  it('exports mailbox state and ages, outbox, outbound by status, quarantines, SLA clocks per queue and consumer backlogs', async () => {
    const text = await eventually(async () => {
      const scraped = await metrics();
      expect(value(scraped, `casework_sla_clocks_by_queue{queue="${queueSlug}",state="running"}`)).toBeGreaterThanOrEqual(1);
      return scraped;
    }, { timeoutMs: 15_000, describe: () => bed.logs() });

    expect(value(text, 'casework_mailbox_connection{mailbox="safety@casework.test",state="idle"}')).toBe(1);
    expect(value(text, 'casework_mailbox_lease_age_seconds{mailbox="safety@casework.test"}')).toBeGreaterThanOrEqual(30);
    expect(value(text, 'casework_mailbox_lease_age_seconds{mailbox="safety@casework.test"}')).toBeLessThan(90);
    expect(value(text, 'casework_mailbox_last_message_age_seconds{mailbox="safety@casework.test"}')).toBeGreaterThanOrEqual(120);
    expect(value(text, 'casework_mailbox_last_message_age_seconds{mailbox="safety@casework.test"}')).toBeLessThan(180);
    expect(value(text, 'casework_outbound_messages{status="queued"}')).toBe(2);
    expect(value(text, 'casework_outbound_messages{status="failed"}')).toBe(1);
    expect(value(text, 'casework_quarantined_messages')).toBe(2);
    expect(value(text, 'casework_outbox_unpublished')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^casework_outbox_oldest_unpublished_age_seconds \d/m);
    // The notification's own durable consumers, caught up.
    expect(text).toMatch(/^casework_jetstream_consumer_pending\{consumer="notification_[a-z_]+"\} 0$/m);
    expect(text).toMatch(/^casework_jetstream_consumer_ack_pending\{consumer="notification_[a-z_]+"\} \d+$/m);
    expect(text).toMatch(/^casework_jetstream_consumer_redelivered\{consumer="notification_[a-z_]+"\} \d+$/m);
  });
});
