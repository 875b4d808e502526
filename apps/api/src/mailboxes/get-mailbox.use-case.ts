import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailboxRepository, type ManagedMailboxRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import { MailboxErrors } from './mailbox.errors.js';

@Injectable()
export class GetMailboxUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
  ) {}

  async execute(id: string): Promise<ManagedMailboxRecord> {
    const mailbox = isUuid(id) ? await this.mailboxes.findManaged(this.db, id) : null;
    if (!mailbox) throw MailboxErrors.notFound(id);
    return mailbox;
  }
}
