import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QuarantineRepository } from '@casework/database';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';

/** The bytes exactly as received: the evidence an agent inspects or reports. */
@Injectable()
export class GetQuarantinedRawUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QuarantineRepository) private readonly quarantine: QuarantineRepository,
  ) {}

  async execute(id: string): Promise<Buffer> {
    if (!isUuid(id)) throw DomainError.quarantinedMessageNotFound(id);
    const raw = await this.quarantine.findRaw(this.db, id);
    if (!raw) throw DomainError.quarantinedMessageNotFound(id);
    return raw;
  }
}
