import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManagedMailboxRepository, type ManagedMailboxRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import { MailboxErrors } from './mailbox.errors.js';

@Injectable()
export class GetMailboxUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ManagedMailboxRepository) private readonly mailboxes: ManagedMailboxRepository,
  ) {}

  async execute(id: string): Promise<ManagedMailboxRecord> {
    const mailbox = isUuid(id) ? await this.mailboxes.find(this.db, id) : null;
    if (!mailbox) throw MailboxErrors.notFound(id);
    return mailbox;
  }
}
