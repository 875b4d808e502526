import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DraftRepository, type Db, type DraftRecord } from '@casework/database';
import { DomainError } from '@casework/domain';

export class DraftErrors {
  static notFound(ticketId: string): DomainError {
    return new DomainError('DraftNotFound', `no draft of yours on ticket ${JSON.stringify(ticketId.slice(0, 64))}`);
  }
}

/** Each user's own unsent reply per ticket: nobody else reads it, not even an admin. */
@Injectable()
export class DraftsService {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
  ) {}

  async get(ticketId: string, userId: string): Promise<DraftRecord> {
    const draft = await this.drafts.find(this.db, ticketId, userId);
    if (!draft) throw DraftErrors.notFound(ticketId);
    return draft;
  }

  save(ticketId: string, userId: string, draft: { body: string; cc?: string }): Promise<DraftRecord> {
    return this.drafts.save(this.db, { ticketId, userId, body: draft.body, cc: draft.cc ?? '' });
  }

  async delete(ticketId: string, userId: string): Promise<void> {
    if (!(await this.drafts.delete(this.db, ticketId, userId))) throw DraftErrors.notFound(ticketId);
  }
}
