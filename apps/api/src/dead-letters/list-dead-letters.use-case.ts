import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadLetterRepository, type DeadLetterRecord } from '@casework/database';
import { pageOf, positionAfter } from '../common/page-cursor.util.js';

/** Events consumers gave up on, newest first, keyset-paginated. */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeadLetterRepository) private readonly deadLetters: DeadLetterRepository,
  ) {}

  async execute(input: { limit: number; cursor?: string }): Promise<{ letters: DeadLetterRecord[]; nextCursor: string | null }> {
    const position = positionAfter(input.cursor);
    const rows = await this.deadLetters.list(this.db, { limit: input.limit + 1, after: position && { deadAt: position.at, id: position.id } });
    const { items, nextCursor } = pageOf(rows, input.limit, (letter) => ({ at: letter.deadAt, id: letter.id }));
    return { letters: items, nextCursor };
  }
}
