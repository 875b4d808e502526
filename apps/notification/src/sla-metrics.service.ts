import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { setSlaGaugeSource } from '@casework/observability';

/** Feeds the SLA gauges of /metrics from the database, queried on scrape. */
@Injectable()
export class SlaMetricsService implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    setSlaGaugeSource({
      openTickets: async () => {
        const rows: { queue: string; priority: string; count: string }[] = await this.dataSource.query(
          `SELECT q.slug AS queue, t.priority, count(*) AS count FROM ticket t JOIN queue q ON q.id = t.queue_id
            WHERE t.status NOT IN ('resolved', 'closed') GROUP BY q.slug, t.priority`,
        );
        return rows.map((r) => ({ queue: r.queue, priority: r.priority, count: Number(r.count) }));
      },
      clocks: async () => {
        // running / at risk from the partial index's clocks; breached is a count over the state.
        const [row] = await this.dataSource.query(
          `SELECT count(*) FILTER (WHERE state = 'running') AS running,
                  count(*) FILTER (WHERE state = 'running' AND warn_at <= now()) AS at_risk,
                  count(*) FILTER (WHERE state = 'breached') AS breached
             FROM sla_clock WHERE state IN ('running', 'breached')`,
        );
        return { running: Number(row.running), atRisk: Number(row.at_risk), breached: Number(row.breached) };
      },
    });
  }

  onApplicationShutdown(): void {
    setSlaGaugeSource(null);
  }
}
