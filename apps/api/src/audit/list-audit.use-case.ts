import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRepository, type AuditEventRecord, type AuditFilter } from '@casework/database';
import { hasCapability } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { pageOf, positionAfter } from '../common/page-cursor.util.js';

/**
 * The audit trail, newest first: `audit:read-all` (admins) sees every event, `audit:read` alone
 * (leads) the events of the queues whose tickets they can read in full.
 */
@Injectable()
export class ListAuditUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, filter: Omit<AuditFilter, 'queueIds'>, page: { limit: number; cursor?: string }): Promise<{ items: AuditEventRecord[]; nextCursor: string | null }> {
    const queueIds = hasCapability(caller.role, 'audit:read-all') ? undefined : ((await this.access.scopeOf(caller)).visibleQueueIds('full') ?? undefined);
    const position = positionAfter(page.cursor);
    const rows = await this.audit.list(this.db, { ...filter, queueIds }, { limit: page.limit + 1, after: position && { at: position.at, id: position.id } });
    return pageOf(rows, page.limit, (event) => ({ at: event.at, id: event.id }));
  }
}
