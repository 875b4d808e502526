import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentRepository, type AttachmentRecord } from '@casework/database';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';

/**
 * One attachment's bytes, only through the ticket it belongs to. Answers 404 for an unknown
 * id or another ticket's attachment, 410 when the bytes were not kept (over the size limit).
 */
@Injectable()
export class GetAttachmentUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
  ) {}

  async execute(ticketId: string, attachmentId: string): Promise<{ attachment: AttachmentRecord; content: Buffer }> {
    const found = isUuid(ticketId) && isUuid(attachmentId) ? await this.attachments.findWithContent(this.db, ticketId, attachmentId) : null;
    if (!found) {
      // The id is the caller's input: echo it only after bounding its length.
      throw new DomainError('AttachmentNotFound', `attachment ${JSON.stringify(attachmentId.slice(0, 64))} not found`);
    }
    if (!found.content) {
      const reason = found.attachment.omittedReason ?? 'not stored';
      throw new DomainError('AttachmentNotStored', `attachment ${found.attachment.id} was not stored: ${reason}`);
    }
    return { attachment: found.attachment, content: found.content };
  }
}
