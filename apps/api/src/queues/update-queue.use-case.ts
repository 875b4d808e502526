import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, type QueueRecord } from '@casework/database';
import { distinctAddresses } from '@casework/mail';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import type { UpdateQueueDto } from './dto/queue.dto.js';
import { QueueErrors } from './queue.errors.js';
import { routingChangeOf } from './queue.mapper.js';

/** Changes the given fields of a queue (each ops address once); QueueNotFound when there is no such queue. */
@Injectable()
export class UpdateQueueUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async execute(id: string, input: UpdateQueueDto): Promise<{ before: QueueRecord; after: QueueRecord }> {
    if (!isUuid(id)) throw DomainError.queueNotFound(id);
    return this.db.transaction(async (tx) => {
      const before = await this.queues.find(tx, id);
      if (!before) throw DomainError.queueNotFound(id);
      if (input.addresses !== undefined && input.addresses.length > 0 && before.role !== null) {
        throw QueueErrors.invalid({ addresses: [`the ${before.role} queue receives no mail by address`] });
      }
      const newAddresses = [...(input.address !== undefined ? [input.address] : []), ...(input.addresses ?? [])];
      if (newAddresses.length > 0) {
        const other = await this.queues.findOtherByAddress(tx, newAddresses, id);
        if (other) throw QueueErrors.addressTaken(other.slug);
      }
      const after = await this.queues.update(tx, id, {
        name: input.name,
        address: input.address,
        restricted: input.restricted,
        opsEmails: input.opsEmails === undefined ? undefined : distinctAddresses(input.opsEmails),
        addresses: input.addresses,
        routing: routingChangeOf(input),
        defaultLocale: input.defaultLocale,
        timeZone: input.timeZone,
        emergency: input.emergency,
        retentionDays: input.retentionDays,
        assignment: { autoAssign: input.autoAssign, maxOpenPerAssignee: input.maxOpenPerAssignee },
      });
      return { before, after: after! };
    });
  }
}
