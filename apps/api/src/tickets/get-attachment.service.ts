import { GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentRepository, type AttachmentRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';

/**
 * One attachment's bytes, only through the ticket it belongs to. Answers 404 for an unknown
 * id or another ticket's attachment, 410 when the bytes were not kept (over the size limit).
 */
@Injectable()
export class GetAttachmentService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
  ) {}

  async execute(ticketId: string, attachmentId: string): Promise<{ attachment: AttachmentRecord; content: Buffer }> {
    const found = isUuid(ticketId) && isUuid(attachmentId) ? await this.attachments.findWithContent(this.db, ticketId, attachmentId) : null;
    if (!found) {
      // The id is the caller's input: echo it only after bounding its length.
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', code: 'AttachmentNotFound', message: `attachment ${JSON.stringify(attachmentId.slice(0, 64))} not found` });
    }
    if (!found.content) {
      const reason = found.attachment.omittedReason ?? 'not stored';
      throw new GoneException({ statusCode: 410, error: 'Gone', code: 'AttachmentNotStored', message: `attachment ${found.attachment.id} was not stored: ${reason}` });
    }
    return { attachment: found.attachment, content: found.content };
  }
}
