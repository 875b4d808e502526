import { Gauge } from 'prom-client';
import { metricsRegistry } from './metrics.js';

/*
 * What ops alert on (deploy/prometheus/alerts.yml): mailbox health, the outbox, outbound mail,
 * quarantines, SLA clocks per queue and JetStream consumer backlogs. Database-wide facts, so one
 * process (notification) exports them, computed on scrape from a source it registers.
 */

export interface OpsGaugeSource {
  snapshot(): Promise<{
    mailboxes: { address: string; state: string; leaseAgeSeconds: number | null; lastMessageAgeSeconds: number | null }[];
    outbox: { unpublished: number; oldestUnpublishedAgeSeconds: number };
    outbound: { status: string; count: number }[];
    quarantined: number;
    slaClocks: { queue: string; state: string; count: number }[];
    consumers: { consumer: string; pending: number; ackPending: number; redelivered: number }[];
  }>;
}

let source: OpsGaugeSource | null = null;
/** One snapshot serves every gauge of one scrape. */
let current: Promise<Awaited<ReturnType<OpsGaugeSource['snapshot']>>> | null = null;

export function setOpsGaugeSource(next: OpsGaugeSource | null): void {
  source = next;
  current = null;
}

async function snapshot() {
  if (!source) return null;
  current ??= source.snapshot().finally(() => setTimeout(() => (current = null), 1000).unref());
  return current;
}

type Snapshot = NonNullable<Awaited<ReturnType<typeof snapshot>>>;

function gauge<L extends string>(name: string, help: string, labelNames: readonly L[], fill: (g: Gauge<L>, s: Snapshot) => void): Gauge<L> {
  return new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      // Database or NATS down: the gauges go empty (the scrape still answers; its absence alerts).
      const taken = await snapshot().catch(() => null);
      this.reset();
      if (taken) fill(this, taken);
    },
  });
}

export const OPS_GAUGES = [
  gauge('casework_mailbox_connection', 'Watched IMAP mailboxes by connection state (1 for the current one): connecting, catching-up, idle, error', ['mailbox', 'state'], (g, s) => {
    for (const m of s.mailboxes) g.set({ mailbox: m.address, state: m.state }, 1);
  }),
  gauge('casework_mailbox_lease_age_seconds', 'Seconds since the ingest replica holding the mailbox renewed its lease', ['mailbox'], (g, s) => {
    for (const m of s.mailboxes) if (m.leaseAgeSeconds !== null) g.set({ mailbox: m.address }, m.leaseAgeSeconds);
  }),
  gauge('casework_mailbox_last_message_age_seconds', 'Seconds since the newest message of the mailbox was received', ['mailbox'], (g, s) => {
    for (const m of s.mailboxes) if (m.lastMessageAgeSeconds !== null) g.set({ mailbox: m.address }, m.lastMessageAgeSeconds);
  }),
  gauge('casework_outbox_unpublished', 'Outbox events committed but not yet published to JetStream', [], (g, s) => g.set(s.outbox.unpublished)),
  gauge('casework_outbox_oldest_unpublished_age_seconds', 'Age of the oldest unpublished outbox event (0: none)', [], (g, s) => g.set(s.outbox.oldestUnpublishedAgeSeconds)),
  gauge('casework_outbound_messages', 'Outbound mail (acknowledgements, replies) by delivery status', ['status'], (g, s) => {
    for (const o of s.outbound) g.set({ status: o.status }, o.count);
  }),
  gauge('casework_quarantined_messages', 'Raw messages routing quarantined and nobody has retried yet', [], (g, s) => g.set(s.quarantined)),
  // The totals from the same per-queue rows (one scan of sla_clock per scrape); here running includes at_risk.
  gauge('casework_sla_clocks', 'SLA clocks by state: running, at_risk (running, past the warning time), breached; computed on scrape', ['state'], (g, s) => {
    const total = (state: string) => s.slaClocks.filter((c) => c.state === state).reduce((sum, c) => sum + c.count, 0);
    g.set({ state: 'running' }, total('running') + total('at_risk'));
    g.set({ state: 'at_risk' }, total('at_risk'));
    g.set({ state: 'breached' }, total('breached'));
  }),
  gauge('casework_sla_clocks_by_queue', 'SLA clocks by queue (slug) and state: running, at_risk, breached', ['queue', 'state'], (g, s) => {
    for (const c of s.slaClocks) g.set({ queue: c.queue, state: c.state }, c.count);
  }),
  gauge('casework_jetstream_consumer_pending', 'Stream messages a durable consumer has not yet been delivered', ['consumer'], (g, s) => {
    for (const c of s.consumers) g.set({ consumer: c.consumer }, c.pending);
  }),
  gauge('casework_jetstream_consumer_ack_pending', 'Messages delivered to a durable consumer and not yet acknowledged', ['consumer'], (g, s) => {
    for (const c of s.consumers) g.set({ consumer: c.consumer }, c.ackPending);
  }),
  gauge('casework_jetstream_consumer_redelivered', 'Messages currently redelivered to a durable consumer (handled, failed, retried)', ['consumer'], (g, s) => {
    for (const c of s.consumers) g.set({ consumer: c.consumer }, c.redelivered);
  }),
];
