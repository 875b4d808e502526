import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { HashListRepository, inTransaction, type BlockedStoredAttachment, type HashListRecord } from '@casework/database';
import { hashTextLines, parseHashValues, type HashValue } from '@casework/domain';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';
import type { CreateHashListDto, HashValuesDto } from './dto/hash-list.dto.js';
import { HashListErrors } from './hash-list.errors.js';

export interface HashListUpload {
  list: HashListRecord;
  added: number;
  /** Attachments stored before this upload that it matched: blocked now. */
  blocked: BlockedStoredAttachment[];
}

/**
 * Creates a hash list, or adds values to one: the values checked and normalised first (a bad one
 * is a 400 naming its line or entry, and nothing is stored), then in one transaction the values
 * and the blocking of stored attachments (mail routed before the upload) they match. Routing
 * reads the lists afresh for every batch, so new mail is checked against them from then on.
 */
@Injectable()
export class UploadHashValuesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(HashListRepository) private readonly lists: HashListRepository,
  ) {}

  async create(caller: Caller, body: CreateHashListDto): Promise<HashListUpload> {
    const values = valuesOf(body);
    return inTransaction(this.db, async (tx) => {
      const id = await this.lists.create(tx, { name: body.name.trim() || body.name, source: body.source?.trim() || null, createdBy: caller.userId });
      return this.store(tx, id, values);
    });
  }

  async append(id: string, body: HashValuesDto): Promise<HashListUpload> {
    const values = valuesOf(body);
    if (values.length === 0) throw HashListErrors.empty();
    if (!isUuid(id)) throw HashListErrors.notFound(id);
    return inTransaction(this.db, async (tx) => {
      // The row lock keeps a concurrent delete from leaving values of no list behind.
      const [locked] = await tx.query(`SELECT id FROM hash_list WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw HashListErrors.notFound(id);
      return this.store(tx, id, values);
    });
  }

  private async store(tx: EntityManager, id: string, values: HashValue[]): Promise<HashListUpload> {
    const hexes = values.map((value) => value.value);
    const added = await this.lists.addValues(tx, id, hexes);
    const blocked = await this.lists.blockStored(tx, id, hexes);
    return { list: (await this.lists.find(tx, id))!, added, blocked };
  }
}

/** The body's values, the array's then the text's; a bad one is a 400 naming where it is. */
function valuesOf(body: HashValuesDto): HashValue[] {
  const values: HashValue[] = [];
  if (body.entries !== undefined) {
    const parsed = parseHashValues(body.entries, 'array');
    if (!parsed.ok) throw HashListErrors.invalid(parsed.line === 0 ? 'entries' : `entries.${parsed.line - 1}`, parsed.message);
    values.push(...parsed.values);
  }
  if (body.text !== undefined) {
    const parsed = parseHashValues(hashTextLines(body.text), 'text');
    if (!parsed.ok) throw HashListErrors.invalid('text', parsed.message);
    values.push(...parsed.values);
  }
  return values;
}
