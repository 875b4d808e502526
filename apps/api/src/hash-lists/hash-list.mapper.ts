import type { HashListRecord } from '@casework/database';
import type { HashListDto, HashListUploadDto } from './dto/hash-list.dto.js';
import type { HashListUpload } from './upload-hash-values.use-case.js';

export function toHashListDto(list: HashListRecord): HashListDto {
  return {
    id: list.id,
    name: list.name,
    source: list.source,
    counts: list.counts,
    createdBy: list.createdBy,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
  };
}

export function toHashListUploadDto(upload: HashListUpload): HashListUploadDto {
  return { list: toHashListDto(upload.list), added: upload.added, blockedExisting: upload.blocked.length };
}

/** The audit event of an upload: counts and the tickets whose stored attachments it blocked, never a value. */
export function auditedUpload(upload: HashListUpload): { details: Record<string, unknown>; ticketIds: string[] } {
  const ticketIds = [...new Set(upload.blocked.map((b) => b.ticketId))];
  return {
    ticketIds,
    details: { name: upload.list.name, added: upload.added, counts: upload.list.counts, blockedExisting: upload.blocked.map((b) => ({ attachmentId: b.attachmentId, ticketId: b.ticketId, queueId: b.queueId })) },
  };
}
