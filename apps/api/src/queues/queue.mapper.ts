import type { QueueRecord } from '@casework/database';
import type { QueueDto, QueueListDto, QueueRoutingFieldsDto } from './dto/queue.dto.js';

export function toQueueDto(queue: QueueRecord): QueueDto {
  return {
    id: queue.id,
    slug: queue.slug,
    name: queue.name,
    address: queue.address,
    opsEmails: queue.opsEmails,
    restricted: queue.restricted,
    addresses: queue.addresses,
    role: queue.role,
    ...queue.routing,
    defaultLocale: queue.defaultLocale,
    timeZone: queue.timeZone,
    emergency: queue.emergency,
    retentionDays: queue.retentionDays,
    autoAssign: queue.assignment.autoAssign,
    maxOpenPerAssignee: queue.assignment.maxOpenPerAssignee,
  };
}

export function toQueueListDto(queues: QueueRecord[]): QueueListDto {
  return { items: queues.map(toQueueDto) };
}

/** The routing settings a create or change names (absent fields stay as they are). */
export function routingChangeOf(input: QueueRoutingFieldsDto): Partial<QueueRecord['routing']> {
  const change: Partial<QueueRecord['routing']> = {};
  if (input.unknownSenderFollowup !== undefined) change.unknownSenderFollowup = input.unknownSenderFollowup;
  if (input.reopenWindowDays !== undefined) change.reopenWindowDays = input.reopenWindowDays;
  if (input.spamScoreThreshold !== undefined) change.spamScoreThreshold = input.spamScoreThreshold;
  return change;
}
