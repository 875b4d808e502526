import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SlaReportRepository, type AtRiskRecord, type BreachFilter, type BreachRecord } from '@casework/database';

@Injectable()
export class ListBreachesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SlaReportRepository) private readonly reports: SlaReportRepository,
  ) {}

  execute(filter: BreachFilter | number): Promise<BreachRecord[]> {
    return this.reports.breaches(this.db, filter);
  }

  /** Running clocks due within `withinMs` from now (and overdue ones the scheduler has yet to breach). */
  atRisk(withinMs: number, limit: number, now = new Date()): Promise<AtRiskRecord[]> {
    return this.reports.atRisk(this.db, new Date(now.getTime() + withinMs), limit);
  }
}
