import { createHash } from 'node:crypto';
import type { StorableAttachment } from '@casework/domain';
import { safeAttachmentFilename, sniffContentType } from '@casework/mail';
import type { ReplyAttachmentDto } from './dto/reply.dto.js';
import { MAX_REPLY_ATTACHMENT_BYTES } from './dto/reply.dto.js';
import { ReplyErrors } from './reply.errors.js';

/** A reply's attachments as the article keeps them; 413 (AttachmentsTooLarge) over the limit, before anything is stored. */
export function replyAttachments(attachments: readonly ReplyAttachmentDto[] = []): StorableAttachment[] {
  const decoded = attachments.map((attachment) => ({ attachment, content: Buffer.from(attachment.contentBase64, 'base64') }));
  const total = decoded.reduce((sum, { content }) => sum + content.length, 0);
  if (total > MAX_REPLY_ATTACHMENT_BYTES) throw ReplyErrors.attachmentsTooLarge(total, MAX_REPLY_ATTACHMENT_BYTES);
  return decoded.map(({ attachment, content }) => ({
    filename: safeAttachmentFilename(attachment.filename),
    declaredContentType: attachment.contentType.toLowerCase(),
    sniffedContentType: sniffContentType(content),
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    md5: createHash('md5').update(content).digest('hex'),
    contentId: null,
    inline: false,
    content,
    omittedReason: null,
  }));
}
