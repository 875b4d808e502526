import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, type QueueRecord } from '@casework/database';
import { DomainError } from '../common/domain.error.js';
import { isUuid } from '../common/uuid.util.js';
import type { UpdateQueueDto } from './dto/queue.dto.js';

/** Changes the given fields of a queue; QueueNotFound when there is no such queue. */
@Injectable()
export class UpdateQueueService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async execute(id: string, input: UpdateQueueDto): Promise<QueueRecord> {
    const queue = !isUuid(id)
      ? null
      : input.opsEmails === undefined
        ? await this.queues.find(this.db, id)
        : await this.queues.setOpsEmails(this.db, id, withoutRepeats(input.opsEmails));
    if (!queue) throw DomainError.queueNotFound(id);
    return queue;
  }
}

/** Each address once (letter case ignored, the first spelling kept): one mail per address. */
function withoutRepeats(emails: string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
