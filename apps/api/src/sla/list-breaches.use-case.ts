import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SlaReportRepository, type AtRiskRecord, type BreachFilter, type BreachRecord } from '@casework/database';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';

/** SLA views list ticket metadata only, of the tickets the caller may see (metadata or more). */
@Injectable()
export class ListBreachesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SlaReportRepository) private readonly reports: SlaReportRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, filter: Omit<BreachFilter, 'queueIds'>): Promise<BreachRecord[]> {
    const queueIds = (await this.access.scopeOf(caller)).visibleQueueIds('metadata') ?? undefined;
    return this.reports.breaches(this.db, { ...filter, queueIds });
  }

  /** Running clocks due within `withinMs` from now (and overdue ones the scheduler has yet to breach). */
  async atRisk(caller: Caller, withinMs: number, limit: number, now = new Date()): Promise<AtRiskRecord[]> {
    const queueIds = (await this.access.scopeOf(caller)).visibleQueueIds('metadata') ?? undefined;
    return this.reports.atRisk(this.db, new Date(now.getTime() + withinMs), limit, queueIds);
  }
}
