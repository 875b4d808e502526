import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SecretBox } from '@casework/config';
import { ManagedMailboxRepository, QueueRepository, type AfterCommitAction, type ManagedMailboxChange, type ManagedMailboxRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import type { UpdateMailboxDto } from './dto/update-mailbox.dto.js';
import { MailboxErrors } from './mailbox.errors.js';
import { checkAfterCommit, isUniqueViolation, normalizeHost, resolveQueue, withoutQueryParameters } from './mailbox-input.js';
import { MAILBOX_SECRETS } from './mailbox-secrets.js';

/**
 * Changes the given fields under the row lock. The ingest replica holding the mailbox restarts
 * its watcher with the new settings at its next scan; disabling it makes the holder let go.
 */
@Injectable()
export class UpdateMailboxUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ManagedMailboxRepository) private readonly mailboxes: ManagedMailboxRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(MAILBOX_SECRETS) private readonly secrets: SecretBox | null,
  ) {}

  async execute(id: string, input: UpdateMailboxDto): Promise<ManagedMailboxRecord> {
    if (!isUuid(id)) throw MailboxErrors.notFound(id);
    const secrets = this.secrets;
    if (input.password !== undefined && !secrets) throw MailboxErrors.secretKeyMissing();
    let identity = { imapHost: '', imapPort: 0, imapUser: '', folder: '' };
    try {
      await this.db.transaction(async (tx) => {
        if (!(await this.mailboxes.lock(tx, id))) throw MailboxErrors.notFound(id);
        const current = await this.mailboxes.find(tx, id);
        if (!current) throw MailboxErrors.notFound(id);
        const fields: Record<string, string[]> = {};
        const folder = input.folder ?? current.folder;
        const afterCommit = (input.afterCommit ?? current.afterCommit) as AfterCommitAction;
        checkAfterCommit(afterCommit, folder, fields);
        const queue = input.queue === undefined ? undefined : await resolveQueue(tx, this.queues, input.queue, fields);
        if (Object.keys(fields).length > 0) throw MailboxErrors.invalid(fields);
        const change: ManagedMailboxChange = {
          address: input.address,
          imapHost: input.imapHost === undefined ? undefined : normalizeHost(input.imapHost),
          imapPort: input.imapPort,
          imapTls: input.imapTls,
          imapUser: input.imapUser,
          folder: input.folder,
          queueId: queue?.id,
          afterCommit: input.afterCommit as AfterCommitAction | undefined,
          enabled: input.enabled,
          passwordSealed: input.password === undefined ? undefined : secrets!.seal(input.password, id),
        };
        identity = { imapHost: change.imapHost ?? current.imapHost, imapPort: change.imapPort ?? current.imapPort, imapUser: change.imapUser ?? current.imapUser, folder };
        await this.mailboxes.update(tx, id, change);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw MailboxErrors.conflict((await this.mailboxes.findIdByIdentity(this.db, identity))?.id ?? 'unknown');
      throw withoutQueryParameters(error);
    }
    const updated = await this.mailboxes.find(this.db, id);
    if (!updated) throw MailboxErrors.notFound(id);
    return updated;
  }
}
