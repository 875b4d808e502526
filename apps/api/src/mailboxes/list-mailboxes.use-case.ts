import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManagedMailboxRepository, type ManagedMailboxRecord } from '@casework/database';

/** Every IMAP mailbox not deleted, oldest first (a handful: no pagination). */
@Injectable()
export class ListMailboxesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ManagedMailboxRepository) private readonly mailboxes: ManagedMailboxRepository,
  ) {}

  execute(): Promise<ManagedMailboxRecord[]> {
    return this.mailboxes.list(this.db);
  }
}
