import { DomainError } from '@casework/domain';

/** Errors of merge and split, before anything moved. Ids echoed are ids the ticket holds or bounded caller input. */
export const MergeErrors = {
  /** The domain's decideMerge refused; `reason` says why in words the caller can act on. */
  refused(reason: string): DomainError {
    return new DomainError('MergeRefused', reason);
  },

  invalidSplit(reason: string): DomainError {
    return new DomainError('InvalidSplit', `invalid split: ${reason.slice(0, 2000)}`, { articleIds: [reason.slice(0, 2000)] });
  },
};
