import { Controller, Get, Header } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process; every service exposes it at GET /metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const eventsHandled = new Counter({
  name: 'casework_events_handled_total',
  help: 'JetStream events handled, by consumer and outcome',
  labelNames: ['consumer', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const eventHandlingSeconds = new Histogram({
  name: 'casework_event_handling_seconds',
  help: 'Time to handle one JetStream event',
  labelNames: ['consumer'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** What the SLA gauges read on each scrape; a process with a database registers one (no typeorm here). */
export interface SlaGaugeSource {
  openTickets(): Promise<{ queue: string; priority: string; count: number }[]>;
}

let slaGaugeSource: SlaGaugeSource | null = null;

/** Registers (or with null removes) the callbacks the SLA gauges are computed from on scrape. */
export function setSlaGaugeSource(source: SlaGaugeSource | null): void {
  slaGaugeSource = source;
}

export const openTicketsGauge = new Gauge({
  name: 'casework_open_tickets',
  help: 'Tickets not resolved or closed, by queue (slug) and priority; computed on scrape',
  labelNames: ['queue', 'priority'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (!slaGaugeSource) return;
    const rows = await slaGaugeSource.openTickets();
    this.reset();
    for (const row of rows) this.set({ queue: row.queue, priority: row.priority }, row.count);
  },
});

export const slaBreachDetectionSeconds = new Histogram({
  name: 'casework_sla_breach_detection_delay_seconds',
  help: 'Time from a clock being due to the scheduler breaching it (breachedAt - dueAt)',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

export const notificationFailures = new Counter({
  name: 'casework_notification_failures_total',
  help: 'Failed notification send attempts (each retry counts), by channel',
  labelNames: ['channel'] as const,
  registers: [metricsRegistry],
});

@Controller()
export class MetricsController {
  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
