import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RawMessageRepository, type QuarantinedMessageRecord } from '@casework/database';
import { encodePageCursor, positionAfter } from '../common/page-cursor.util.js';

export interface QuarantinePage {
  messages: QuarantinedMessageRecord[];
  nextCursor: string | null;
}

/** Most recently quarantined first, keyset-paginated; one extra row tells whether another page exists. */
@Injectable()
export class ListQuarantineService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
  ) {}

  async execute(input: { limit: number; cursor?: string }): Promise<QuarantinePage> {
    const position = positionAfter(input.cursor);
    const after = position && { quarantinedAt: position.at, id: position.id };
    const rows = await this.rawMessages.listQuarantined(this.db, { limit: input.limit + 1, after });
    const messages = rows.slice(0, input.limit);
    const last = messages.at(-1);
    const nextCursor = rows.length > input.limit && last ? encodePageCursor({ at: last.quarantinedAt, id: last.id }) : null;
    return { messages, nextCursor };
  }
}
