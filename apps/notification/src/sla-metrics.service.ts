import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { setSlaGaugeSource } from '@casework/observability';

/** Feeds the open-ticket gauge of /metrics from the database, queried on scrape (the clock counts are ops gauges: OpsMetricsService). */
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
    });
  }

  onApplicationShutdown(): void {
    setSlaGaugeSource(null);
  }
}
