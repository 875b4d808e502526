import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentRepository, type AttachmentRecord } from '@casework/database';
import { decideAttachmentRelease, DomainError, hasCapability } from '@casework/domain';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';

/**
 * One attachment's bytes, only through the ticket it belongs to (whose content the caller
 * reads: the controller checked). Answers 404 for an unknown id or another ticket's attachment,
 * 403 AttachmentBlocked for one on a hash list unless an admin gives a reason (decideAttachmentRelease),
 * 410 when the bytes were not kept (over the size limit). The reason, when one released it, is answered for the audit event.
 */
@Injectable()
export class GetAttachmentUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
  ) {}

  async execute(caller: Caller, ticketId: string, attachmentId: string, reason?: string): Promise<{ attachment: AttachmentRecord; content: Buffer; releasedFor: string | null }> {
    const found = isUuid(ticketId) && isUuid(attachmentId) ? await this.attachments.findWithContent(this.db, ticketId, attachmentId) : null;
    if (!found) {
      // The id is the caller's input: echo it only after bounding its length.
      throw new DomainError('AttachmentNotFound', `attachment ${JSON.stringify(attachmentId.slice(0, 64))} not found`);
    }
    const release = decideAttachmentRelease(found.attachment, { mayReleaseBlocked: hasCapability(caller.role, 'attachments:release-blocked') }, reason);
    if (release.kind === 'blocked') throw new DomainError('AttachmentBlocked', release.why);
    if (!found.content) {
      const omitted = found.attachment.omittedReason ?? 'not stored';
      throw new DomainError('AttachmentNotStored', `attachment ${found.attachment.id} was not stored: ${omitted}`);
    }
    return { attachment: found.attachment, content: found.content, releasedFor: release.reason };
  }
}
