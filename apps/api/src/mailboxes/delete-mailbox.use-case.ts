import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ManagedMailboxRepository } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import { MailboxErrors } from './mailbox.errors.js';

/**
 * Soft delete: disabled (its holder lets go at its next scan), hidden, password forgotten. Its
 * raw messages keep pointing at it; re-creating it revives the row with its cursor.
 */
@Injectable()
export class DeleteMailboxUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ManagedMailboxRepository) private readonly mailboxes: ManagedMailboxRepository,
  ) {}

  async execute(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.mailboxes.softDelete(this.db, id))) throw MailboxErrors.notFound(id);
  }
}
