import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactErasure, type ErasureReport } from '@casework/database';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';

/**
 * An admin erases a person (libs/database ContactErasure: one transaction, refused whole while a
 * hold applies). Erasure is a legal duty: the capability is enough, whatever queue their tickets
 * are in.
 */
@Injectable()
export class EraseContactUseCase {
  private readonly erasure = new ContactErasure();

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  execute(contactId: string): Promise<ErasureReport> {
    if (!isUuid(contactId)) throw DomainError.contactNotFound(contactId);
    return this.db.transaction((tx) => this.erasure.erase(tx, contactId, new Date()));
  }
}
