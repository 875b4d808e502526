import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SlaRepository, type AtRiskRecord, type BreachFilter, type BreachRecord } from '@casework/database';

@Injectable()
export class ListBreachesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SlaRepository) private readonly sla: SlaRepository,
  ) {}

  execute(filter: BreachFilter | number): Promise<BreachRecord[]> {
    return this.sla.breaches(this.db, filter);
  }

  /** Running clocks due within `withinMs` from now (and overdue ones the scheduler has yet to breach). */
  atRisk(withinMs: number, limit: number, now = new Date()): Promise<AtRiskRecord[]> {
    return this.sla.atRisk(this.db, new Date(now.getTime() + withinMs), limit);
  }
}
