import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, type QueueRecord } from '@casework/database';
import type { CreateQueueDto } from './dto/queue.dto.js';
import { QueueErrors } from './queue.errors.js';
import { routingChangeOf } from './queue.mapper.js';

/** A new queue; its slug and each of its addresses are one queue's (409 otherwise). */
@Injectable()
export class CreateQueueUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async execute(input: CreateQueueDto): Promise<QueueRecord> {
    return this.db.transaction(async (tx) => {
      const other = await this.queues.findOtherByAddress(tx, [input.address, ...(input.addresses ?? [])], null);
      if (other) throw QueueErrors.addressTaken(other.slug);
      const queue = await this.queues.create(tx, {
        slug: input.slug,
        name: input.name,
        address: input.address,
        restricted: input.restricted ?? false,
        addresses: input.addresses,
        routing: routingChangeOf(input),
        defaultLocale: input.defaultLocale ?? null,
        timeZone: input.timeZone ?? null,
        emergency: input.emergency ?? false,
        retentionDays: input.retentionDays ?? null,
        assignment: { autoAssign: input.autoAssign, maxOpenPerAssignee: input.maxOpenPerAssignee },
      });
      if (!queue) throw QueueErrors.slugTaken(input.slug);
      return queue;
    });
  }
}
