import { Inject, Injectable } from '@nestjs/common';
import { QueueGrantRepository, QueueRepository, type Db } from '@casework/database';
import { DomainError, type MergeQueueFacts } from '@casework/domain';

/** What the merge rule needs of a queue: restricted or not, and everyone holding a grant on it. */
@Injectable()
export class MergeQueueFactsLoader {
  constructor(
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(QueueGrantRepository) private readonly grants: QueueGrantRepository,
  ) {}

  async load(db: Db, queueId: string): Promise<MergeQueueFacts> {
    const queue = await this.queues.find(db, queueId);
    if (!queue) throw DomainError.queueNotFound(queueId);
    // Read and write grants alike: both see the content.
    const grants = queue.restricted ? await this.grants.grantsOf(db, queueId) : [];
    return { id: queueId, restricted: queue.restricted, grantHolders: new Set(grants.map((grant) => grant.userId)) };
  }
}
