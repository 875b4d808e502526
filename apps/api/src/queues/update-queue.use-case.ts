import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, type QueueRecord } from '@casework/database';
import { distinctAddresses } from '@casework/mail';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import type { UpdateQueueDto } from './dto/queue.dto.js';

/** Changes the given fields of a queue (each ops address once); QueueNotFound when there is no such queue. */
@Injectable()
export class UpdateQueueUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async execute(id: string, input: UpdateQueueDto): Promise<QueueRecord> {
    const queue = !isUuid(id)
      ? null
      : input.opsEmails === undefined
        ? await this.queues.find(this.db, id)
        : await this.queues.setOpsEmails(this.db, id, distinctAddresses(input.opsEmails));
    if (!queue) throw DomainError.queueNotFound(id);
    return queue;
  }
}

