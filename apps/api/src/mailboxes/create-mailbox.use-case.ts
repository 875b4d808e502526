import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SecretBox } from '@casework/config';
import { ManagedMailboxRepository, QueueRepository, type AfterCommitAction, type ManagedMailboxRecord, type NewManagedMailbox } from '@casework/database';
import type { CreateMailboxDto } from './dto/create-mailbox.dto.js';
import { MailboxErrors } from './mailbox.errors.js';
import { checkAfterCommit, DEFAULT_FOLDER, DEFAULT_IMAP_PORT, isUniqueViolation, normalizeHost, resolveQueue, withoutQueryParameters } from './mailbox-input.js';
import { MAILBOX_SECRETS } from './mailbox-secrets.js';

/**
 * Registers an IMAP mailbox for the ingest replicas to share. The password is sealed with
 * MAILBOX_SECRET_KEY, bound to the mailbox id. Re-creating a deleted mailbox (same host, port,
 * user and folder) revives it with its id and cursor, so mail it already stored is not
 * fetched again.
 */
@Injectable()
export class CreateMailboxUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ManagedMailboxRepository) private readonly mailboxes: ManagedMailboxRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(MAILBOX_SECRETS) private readonly secrets: SecretBox | null,
  ) {}

  async execute(input: CreateMailboxDto): Promise<ManagedMailboxRecord> {
    const secrets = this.secrets;
    if (!secrets) throw MailboxErrors.secretKeyMissing();
    const folder = input.folder ?? DEFAULT_FOLDER;
    const afterCommit = (input.afterCommit ?? 'none') as AfterCommitAction;
    const fields: Record<string, string[]> = {};
    checkAfterCommit(afterCommit, folder, fields);
    const queue = await resolveQueue(this.db, this.queues, input.queue, fields);
    if (!queue || Object.keys(fields).length > 0) throw MailboxErrors.invalid(fields);

    const identity = { imapHost: normalizeHost(input.imapHost), imapPort: input.imapPort ?? DEFAULT_IMAP_PORT, imapUser: input.imapUser, folder };
    let id: string;
    try {
      id = await this.db.transaction(async (tx) => {
        const deleted = await this.mailboxes.lockDeletedByIdentity(tx, identity);
        const mailboxId = deleted ?? randomUUID();
        const mailbox: NewManagedMailbox = {
          ...identity,
          id: mailboxId,
          address: input.address,
          imapTls: input.imapTls ?? true,
          passwordSealed: secrets.seal(input.password, mailboxId),
          queueId: queue.id,
          afterCommit,
          enabled: input.enabled ?? true,
        };
        if (deleted) await this.mailboxes.revive(tx, mailbox);
        else await this.mailboxes.insert(tx, mailbox);
        return mailboxId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw MailboxErrors.conflict((await this.mailboxes.findIdByIdentity(this.db, identity))?.id ?? 'unknown');
      throw withoutQueryParameters(error);
    }
    const created = await this.mailboxes.find(this.db, id);
    if (!created) throw MailboxErrors.notFound(id);
    return created;
  }
}
