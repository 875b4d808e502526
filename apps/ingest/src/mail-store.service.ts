import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects } from '@casework/contracts';
import { MailboxCursorRepository, RawMessageRepository } from '@casework/database';
import { UnitOfWork, type Emit } from '@casework/messaging';
import { headerMessageId } from './raw-mail-header.js';

export interface FetchedMessage {
  uid: bigint;
  source: Buffer;
}

/** An SMTP/LMTP push into one mailbox, with its envelope. */
export interface PushOrigin {
  mailboxId: string;
  envelope: { from: string; to: string[] };
}

export interface StoredRaw {
  mailboxId: string;
  /** The new raw message, or the stored original these bytes duplicate. */
  rawMessageId: string;
  /** false: recorded as a duplicate, no event emitted. */
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
    @Inject(MailboxCursorRepository) private readonly cursors: MailboxCursorRepository,
  ) {}

  /**
   * Stores a batch of messages fetched from one folder in ONE transaction: their bytes, their
   * `mail.received` events, the cursor moved past the highest UID and the after-commit actions
   * of every UID. A UID whose bytes are already stored for this mailbox (a rescan after a
   * UIDVALIDITY change, a second copy in the folder) is recorded as a duplicate of the
   * original and not routed again; a UID stored before is skipped. Returns how many were new.
   */
  async storeFetched(mailboxId: string, uidValidity: bigint, fetched: FetchedMessage[]): Promise<number> {
    if (fetched.length === 0) return 0;
    const messages = fetched.map(({ uid, source }) => ({ uid, raw: source, sha256: sha256Of(source), messageId: headerMessageId(source) }));
    return this.unitOfWork.run(async (tx, emit) => {
      await this.cursors.advanceOver(tx, mailboxId, uidValidity, messages.map((m) => m.uid));
      await this.rawMessages.lockContents(tx, mailboxId, messages.map((m) => m.sha256));
      const originals = await this.rawMessages.findManyByContent(tx, mailboxId, messages.map((m) => m.sha256));
      // The first copy of each content not stored yet is new; later copies in the batch duplicate it.
      const fresh: typeof messages = [];
      const firstCopies = new Set<string>();
      for (const m of messages) {
        if (originals.has(m.sha256) || firstCopies.has(m.sha256)) continue;
        firstCopies.add(m.sha256);
        fresh.push(m);
      }
      const stored = await this.rawMessages.insertImapMany(tx, mailboxId, uidValidity, fresh);
      for (const m of fresh) {
        const rawMessageId = stored.get(m.uid);
        if (rawMessageId) originals.set(m.sha256, rawMessageId);
      }
      const copies = messages
        .filter((m) => !fresh.includes(m) && originals.has(m.sha256))
        .map(({ raw, ...m }) => ({ ...m, size: raw.length, duplicateOf: originals.get(m.sha256)! }));
      await this.rawMessages.insertImapDuplicates(tx, mailboxId, uidValidity, copies);
      for (const rawMessageId of stored.values()) await emit(Subjects.MailReceived, { rawMessageId, mailboxId });
      return stored.size;
    });
  }

  /**
   * Stores the bytes once per origin (one per recipient mailbox for an SMTP push), all in ONE
   * transaction: it has committed when this resolves, and nothing was stored when it throws.
   * Bytes already stored for a mailbox are recorded as a duplicate of the original, without
   * an event, so a redelivery (an MTA retrying after a lost 250) opens no second ticket.
   */
  async storePushed(origins: PushOrigin[], bytes: Buffer): Promise<StoredRaw[]> {
    const sha256 = sha256Of(bytes);
    const messageId = headerMessageId(bytes);
    return this.unitOfWork.run(async (tx, emit) => {
      const results: StoredRaw[] = [];
      for (const origin of origins) results.push(await this.storeOne(tx, emit, origin, bytes, sha256, messageId));
      return results;
    });
  }

  private async storeOne(tx: EntityManager, emit: Emit, origin: PushOrigin, bytes: Buffer, sha256: string, messageId: string | null): Promise<StoredRaw> {
    const { mailboxId } = origin;
    const row = { mailboxId, source: 'smtp' as const, uidValidity: null, uid: null, envelopeFrom: origin.envelope.from, envelopeTo: origin.envelope.to, sha256, messageId };
    await this.rawMessages.lockContent(tx, mailboxId, sha256);
    const original = await this.rawMessages.findByContent(tx, mailboxId, sha256);
    if (original) {
      await this.rawMessages.insertDuplicate(tx, { ...row, size: bytes.length }, original);
      return { mailboxId, rawMessageId: original, isNew: false };
    }
    const rawMessageId = await this.rawMessages.insertFromSource(tx, { ...row, raw: bytes });
    // Only an IMAP UID can have been stored before; a push has none.
    if (!rawMessageId) throw new Error('a pushed message was not stored');
    await emit(Subjects.MailReceived, { rawMessageId, mailboxId });
    return { mailboxId, rawMessageId, isNew: true };
  }
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
