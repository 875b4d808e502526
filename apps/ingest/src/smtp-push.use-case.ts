import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SmtpRecipientRepository } from '@casework/database';
import { MailStoreService, type PushOrigin, type StoredRaw } from './mail-store.service.js';

export interface PushedMessage {
  /** MAIL FROM; '' for the null sender <>. */
  from: string;
  /** Each accepted RCPT TO with the mailbox that receives it. */
  recipients: { address: string; mailboxId: string }[];
  bytes: Buffer;
}

/**
 * What the SMTP/LMTP listener asks of the database: which mailbox an address belongs to, and
 * storing a delivered message. Both throw when Postgres cannot answer; the listener turns
 * that into a 4xx so the sending server retries.
 */
@Injectable()
export class SmtpPushUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SmtpRecipientRepository) private readonly recipients: SmtpRecipientRepository,
    @Inject(MailStoreService) private readonly store: MailStoreService,
  ) {}

  /**
   * The mailbox receiving pushed mail for `address`, or null when the address is not ours.
   * An IMAP mailbox registered for the address wins (so a message arriving both ways is one
   * message); otherwise a queue's address gets its own SMTP mailbox row.
   */
  async mailboxFor(address: string): Promise<string | null> {
    const { mailboxId, queueId } = await this.recipients.find(this.dataSource, address);
    if (mailboxId) return mailboxId;
    if (!queueId) return null;
    return (await this.recipients.upsertQueueMailbox(this.dataSource, address.toLowerCase(), queueId)).id;
  }

  /**
   * Stores the message once per receiving mailbox, with the recipients it was delivered for,
   * in one transaction: when this resolves everything (raw rows and events) has committed.
   */
  async deliver(message: PushedMessage): Promise<StoredRaw[]> {
    const byMailbox = new Map<string, string[]>();
    for (const { address, mailboxId } of message.recipients) byMailbox.set(mailboxId, [...(byMailbox.get(mailboxId) ?? []), address]);
    const origins: PushOrigin[] = [...byMailbox].map(([mailboxId, to]) => ({ mailboxId, envelope: { from: message.from, to } }));
    return this.store.storePushed(origins, message.bytes);
  }
}
