import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueGrantRepository, QueueRepository, UserRepository, type Db, type QueueGrant } from '@casework/database';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import { QueueErrors } from './queue.errors.js';

/** A queue's grant list: read it, or replace it whole. */
@Injectable()
export class QueueAccessUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(QueueGrantRepository) private readonly grants: QueueGrantRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async list(queueId: string): Promise<QueueGrant[]> {
    await this.requireQueue(this.db, queueId);
    return this.grants.grantsOf(this.db, queueId);
  }

  /** Every user named must exist, once each; answers the list before and after (for the audit). */
  async replace(queueId: string, grants: QueueGrant[]): Promise<{ before: QueueGrant[]; after: QueueGrant[] }> {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const [index, grant] of grants.entries()) {
      if (seen.has(grant.userId.toLowerCase())) problems.push(`grants.${index}.userId names a user a second time`);
      seen.add(grant.userId.toLowerCase());
    }
    if (problems.length) throw QueueErrors.invalid({ grants: problems });
    return this.db.transaction(async (tx) => {
      await this.requireQueue(tx, queueId);
      const known = new Set(await this.users.existing(tx, [...seen]));
      const unknown = grants.map((g, index) => ({ g, index })).filter(({ g }) => !known.has(g.userId.toLowerCase()));
      if (unknown.length) throw QueueErrors.invalid({ grants: unknown.map(({ index }) => `grants.${index}.userId is not a user`) });
      return this.grants.replace(tx, queueId, grants);
    });
  }

  private async requireQueue(db: Db, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.queues.find(db, id))) throw DomainError.queueNotFound(id);
  }
}
