import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QuarantineRepository, type QuarantinedMessageRecord } from '@casework/database';
import { pageOf, positionAfter } from '../common/page-cursor.util.js';

export interface QuarantinePage {
  messages: QuarantinedMessageRecord[];
  nextCursor: string | null;
}

/** Most recently quarantined first, keyset-paginated; one extra row tells whether another page exists. */
@Injectable()
export class ListQuarantineUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QuarantineRepository) private readonly quarantine: QuarantineRepository,
  ) {}

  async execute(input: { limit: number; cursor?: string }): Promise<QuarantinePage> {
    const position = positionAfter(input.cursor);
    const after = position && { quarantinedAt: position.at, id: position.id };
    const rows = await this.quarantine.list(this.db, { limit: input.limit + 1, after });
    const { items, nextCursor } = pageOf(rows, input.limit, (message) => ({ at: message.quarantinedAt, id: message.id }));
    return { messages: items, nextCursor };
  }
}
