import { DomainError } from '@casework/domain';

/** Errors of /hash-lists. Caller input is echoed only bounded. */
export const HashListErrors = {
  notFound(id: string): DomainError {
    return new DomainError('HashListNotFound', `hash list ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  /** A bad value: `field` is `entries.<index>` or `text`, the message names its 1-based line or entry. */
  invalid(field: string, message: string): DomainError {
    return new DomainError('InvalidHashList', message, { [field]: [message] });
  },

  empty(): DomainError {
    return new DomainError('InvalidHashList', 'give the values as entries (a JSON array) or text (one per line)', { entries: ['entries or text is required'] });
  },
};
