import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects } from '@casework/contracts';
import { MailboxRepository, RawMessageRepository } from '@casework/database';
import { UnitOfWork, type Emit } from '@casework/messaging';
import { headerMessageId } from './raw-mail-header.js';

export interface FetchedMessage {
  uid: bigint;
  source: Buffer;
}

/** Where a message came from: an IMAP UID (the cursor advances with it) or an SMTP/LMTP push. */
export type RawOrigin =
  | { source: 'imap'; mailboxId: string; uidValidity: bigint; uid: bigint }
  | { source: 'smtp'; mailboxId: string; envelope: { from: string; to: string[] } };

export interface StoredRaw {
  mailboxId: string;
  /** The new raw message, or the stored original these bytes duplicate (null: this IMAP UID was stored before). */
  rawMessageId: string | null;
  /** false: recorded as a duplicate (or already stored), no event emitted. */
  isNew: boolean;
}

/**
 * Stores a message: raw bytes, its `mail.received` event (and, for IMAP, the advanced cursor)
 * commit together, so a crash either keeps all of it or none (and the refetch or the MTA's
 * retry is deduped by content).
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
    const [stored] = await this.storeRaw([{ source: 'imap', mailboxId, uidValidity, uid: message.uid }], message.source);
    return stored.isNew;
  }

  /**
   * Stores the bytes once per origin (one per recipient mailbox for an SMTP push), all in ONE
   * transaction: it has committed when this resolves, and nothing was stored when it throws.
   * Bytes already stored for a mailbox are recorded as a duplicate of the original, without
   * an event, so a redelivery (an MTA retrying after a lost 250) opens no second ticket.
   */
  async storeRaw(origins: RawOrigin[], bytes: Buffer): Promise<StoredRaw[]> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const messageId = headerMessageId(bytes);
    return this.unitOfWork.run(async (tx, emit) => {
      const results: StoredRaw[] = [];
      for (const origin of origins) results.push(await this.storeOne(tx, emit, origin, bytes, sha256, messageId));
      return results;
    });
  }

  private async storeOne(tx: EntityManager, emit: Emit, origin: RawOrigin, bytes: Buffer, sha256: string, messageId: string | null): Promise<StoredRaw> {
    const { mailboxId } = origin;
    if (origin.source === 'imap') await this.mailboxes.advanceCursor(tx, mailboxId, { uidValidity: origin.uidValidity, lastUid: origin.uid });
    const row = {
      mailboxId,
      source: origin.source,
      uidValidity: origin.source === 'imap' ? origin.uidValidity : null,
      uid: origin.source === 'imap' ? origin.uid : null,
      envelopeFrom: origin.source === 'smtp' ? origin.envelope.from : null,
      envelopeTo: origin.source === 'smtp' ? origin.envelope.to : null,
      sha256,
      messageId,
    };
    await this.rawMessages.lockContent(tx, mailboxId, sha256);
    const original = await this.rawMessages.findByContent(tx, mailboxId, sha256);
    if (original) {
      await this.rawMessages.insertDuplicate(tx, { ...row, size: bytes.length }, original);
      return { mailboxId, rawMessageId: original, isNew: false };
    }
    const rawMessageId = await this.rawMessages.insertFromSource(tx, { ...row, raw: bytes });
    if (!rawMessageId) return { mailboxId, rawMessageId: null, isNew: false };
    await emit(Subjects.MailReceived, { rawMessageId, mailboxId });
    return { mailboxId, rawMessageId, isNew: true };
  }
}
