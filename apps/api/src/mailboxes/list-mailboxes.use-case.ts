import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailboxRepository, type ManagedMailboxRecord } from '@casework/database';

/** Every IMAP mailbox not deleted, oldest first (a handful: no pagination). */
@Injectable()
export class ListMailboxesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
  ) {}

  execute(): Promise<ManagedMailboxRecord[]> {
    return this.mailboxes.listManaged(this.db);
  }
}
