import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketWorkRepository, type Db } from '@casework/database';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';

/** Open and breached tickets per queue, over the queues whose tickets the caller sees (counts are metadata). */
@Injectable()
export class QueueCountsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(TicketWorkRepository) private readonly work: TicketWorkRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller): Promise<{ queueId: string; open: number; breached: number }[]> {
    const visible = (await this.access.scopeOf(caller)).visibleQueueIds('metadata');
    if (visible?.length === 0) return [];
    return this.work.queueCounts(this.db, visible);
  }
}
