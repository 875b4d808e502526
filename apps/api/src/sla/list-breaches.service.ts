import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SlaRepository, type BreachRecord } from '@casework/database';

@Injectable()
export class ListBreachesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SlaRepository) private readonly sla: SlaRepository,
  ) {}

  execute(limit: number): Promise<BreachRecord[]> {
    return this.sla.breaches(this.db, limit);
  }
}
