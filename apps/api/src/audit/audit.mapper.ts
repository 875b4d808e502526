import type { AuditEventRecord } from '@casework/database';
import type { AuditEventDto } from './dto/audit.dto.js';

export function toAuditEventDto(event: AuditEventRecord): AuditEventDto {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: { id: event.actorId, email: event.actorEmail },
    action: event.action,
    ticketId: event.ticketIds.length === 1 ? event.ticketIds[0] : null,
    ticketIds: event.ticketIds,
    queueId: event.queueId,
    subject: event.subject,
    details: event.details,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
