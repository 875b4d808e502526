import type { QueueRecord } from '@casework/database';
import type { QueueDto, QueueListDto } from './dto/queue.dto.js';

export function toQueueDto(queue: QueueRecord): QueueDto {
  return {
    id: queue.id,
    slug: queue.slug,
    name: queue.name,
    address: queue.address,
    opsEmails: queue.opsEmails,
    restricted: queue.restricted,
    defaultLocale: queue.defaultLocale,
    timeZone: queue.timeZone,
    emergency: queue.emergency,
  };
}

export function toQueueListDto(queues: QueueRecord[]): QueueListDto {
  return { items: queues.map(toQueueDto) };
}
