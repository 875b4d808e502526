import type { DeadLetterRecord } from '@casework/database';
import type { DeadLetterDto, DeadLetterPageDto } from './dto/dead-letter.dto.js';

export function toDeadLetterDto(letter: DeadLetterRecord): DeadLetterDto {
  return {
    id: letter.id,
    consumer: letter.consumer,
    subject: letter.subject,
    streamSeq: letter.streamSeq,
    eventId: letter.eventId,
    envelope: letter.envelope,
    error: letter.error,
    deliveries: letter.deliveries,
    deadAt: letter.deadAt.toISOString(),
    redrivenAt: letter.redrivenAt?.toISOString() ?? null,
  };
}

export function toDeadLetterPageDto(page: { letters: DeadLetterRecord[]; nextCursor: string | null }): DeadLetterPageDto {
  return { items: page.letters.map(toDeadLetterDto), nextCursor: page.nextCursor };
}
