import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManagedMailboxRepository, type MailboxStatusRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import { MailboxErrors } from './mailbox.errors.js';

/**
 * Who holds the mailbox (its advisory lock, read from pg_locks: authoritative even when the
 * holder died a moment ago) and what the holder last reported.
 */
@Injectable()
export class GetMailboxStatusUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ManagedMailboxRepository) private readonly mailboxes: ManagedMailboxRepository,
  ) {}

  async execute(id: string): Promise<MailboxStatusRecord> {
    const status = isUuid(id) ? await this.mailboxes.readStatus(this.db, id) : null;
    if (!status) throw MailboxErrors.notFound(id);
    return status;
  }
}
