import type { QuarantinedMessageRecord } from '@casework/database';
import type { QuarantinedMessageDto, QuarantinePageDto } from './dto/quarantined-message.dto.js';

export function toQuarantinedMessageDto(message: QuarantinedMessageRecord): QuarantinedMessageDto {
  return {
    id: message.id,
    mailboxId: message.mailboxId,
    queueId: message.queueId,
    reason: message.reason,
    messageId: message.messageId,
    size: message.size,
    receivedAt: message.receivedAt.toISOString(),
    quarantinedAt: message.quarantinedAt.toISOString(),
  };
}

export function toQuarantinePageDto(page: { messages: QuarantinedMessageRecord[]; nextCursor: string | null }): QuarantinePageDto {
  return { items: page.messages.map(toQuarantinedMessageDto), nextCursor: page.nextCursor };
}
