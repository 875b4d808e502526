import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { MailboxRepository, RawMessageRepository } from '@casework/database';
import { UnitOfWork } from '@casework/messaging';
import { headerMessageId } from './raw-mail-header.js';

export interface FetchedMessage {
  uid: bigint;
  source: Buffer;
}

/**
 * Stores a fetched message: raw bytes, its `mail.received` event and the advanced cursor
 * commit together, so a crash either keeps all three or none (and the refetch is deduped).
 */
@Injectable()
export class MailStoreService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(RawMessageRepository) private readonly rawMessages: RawMessageRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
  ) {}

  /**
   * Returns true when the message was new. A UID whose bytes are already stored for this
   * mailbox (a rescan after a UIDVALIDITY change, a re-delivery) is recorded as a duplicate
   * of the original and not routed again.
   */
  async store(mailboxId: string, uidValidity: bigint, message: FetchedMessage): Promise<boolean> {
    const sha256 = createHash('sha256').update(message.source).digest('hex');
    const messageId = headerMessageId(message.source);
    const key = { mailboxId, uidValidity, uid: message.uid, sha256, messageId };
    return this.unitOfWork.run(async (tx, emit) => {
      await this.mailboxes.advanceCursor(tx, mailboxId, { uidValidity, lastUid: message.uid });
      const original = await this.rawMessages.findByContent(tx, mailboxId, sha256);
      if (original) {
        await this.rawMessages.insertDuplicate(tx, { ...key, size: message.source.length }, original);
        return false;
      }
      const rawMessageId = await this.rawMessages.insert(tx, { ...key, raw: message.source });
      if (!rawMessageId) return false;
      await emit(Subjects.MailReceived, { rawMessageId, mailboxId });
      return true;
    });
  }
}
