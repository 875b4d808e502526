import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Subjects } from '@casework/contracts';
import { TicketHistoryRepository, TicketWorkRepository, type Db } from '@casework/database';
import { DomainError, normalizeTags } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';

/** A ticket's tags, replaced whole; and every tag in use, counted over the tickets the caller sees. */
@Injectable()
export class TagsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketWorkRepository) private readonly work: TicketWorkRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async replace(caller: Caller, ticketId: string, input: string[]): Promise<{ before: string[]; tags: string[] }> {
    const decision = normalizeTags(input);
    if (!decision.ok) throw DomainError.invalidTags(decision.reason);
    const { tags } = decision;
    return this.unitOfWork.run(async (tx, emit) => {
      const replaced = await this.work.replaceTags(tx, ticketId, tags);
      if (!replaced) throw DomainError.ticketNotFound(ticketId);
      const unchanged = replaced.before.length === tags.length && replaced.before.every((tag, i) => tag === tags[i]);
      if (!unchanged) {
        await this.history.append(tx, [{ ticketId, kind: 'tags_changed', details: { before: replaced.before, after: tags }, actorId: caller.userId }]);
        await emit(Subjects.TicketTagsChanged, { ticketId, queueId: replaced.queueId, tags });
      }
      return { before: replaced.before, tags };
    });
  }

  /** Tags of tickets the caller sees in full (a tag can say what a case is about). */
  async counts(caller: Caller): Promise<{ tag: string; count: number }[]> {
    const visible = (await this.access.scopeOf(caller)).visibleQueueIds('full');
    if (visible?.length === 0) return [];
    return this.work.tagCounts(this.db, visible);
  }
}
