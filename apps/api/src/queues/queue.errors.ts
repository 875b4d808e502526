import { DomainError } from '@casework/domain';

/** Errors of /queues. Caller input is echoed only bounded. */
export const QueueErrors = {
  slugTaken(slug: string): DomainError {
    return new DomainError('QueueConflict', `a queue with slug ${JSON.stringify(slug.slice(0, 64))} already exists`);
  },

  addressTaken(otherSlug: string): DomainError {
    return new DomainError('QueueConflict', `queue ${JSON.stringify(otherSlug)} already receives mail at this address`);
  },

  invalid(fields: Record<string, string[]>): DomainError {
    return new DomainError('InvalidQueue', `invalid queue: ${Object.keys(fields).join(', ')}`, fields);
  },
};
