import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OpsReportRepository } from '@casework/database';
import { consumerBacklogs, NatsConnectionHolder } from '@casework/messaging';
import { setOpsGaugeSource } from '@casework/observability';

/** Feeds the ops gauges of /metrics (mailboxes, outbox, outbound, quarantine, SLA per queue, consumer backlogs) on scrape. */
@Injectable()
export class OpsMetricsService implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OpsReportRepository) private readonly report: OpsReportRepository,
    @Inject(NatsConnectionHolder) private readonly nats: NatsConnectionHolder,
  ) {}

  onModuleInit(): void {
    setOpsGaugeSource({
      snapshot: async () => {
        const [database, consumers] = await Promise.all([this.report.snapshot(this.dataSource), consumerBacklogs(this.nats.connection())]);
        return { ...database, consumers };
      },
    });
  }

  onApplicationShutdown(): void {
    setOpsGaugeSource(null);
  }
}
