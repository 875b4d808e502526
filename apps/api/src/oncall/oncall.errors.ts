import { DomainError } from '@casework/domain';

/** Errors of /oncall and /pages. Caller input is echoed only bounded. */
export const OncallErrors = {
  invalid(fields: Record<string, string[]>): DomainError {
    return new DomainError('InvalidOncallShift', `invalid on-call shift: ${Object.keys(fields).join(', ')}`, fields);
  },

  shiftNotFound(id: string): DomainError {
    return new DomainError('OncallShiftNotFound', `on-call shift ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  pageNotFound(id: string): DomainError {
    return new DomainError('PageNotFound', `page ${JSON.stringify(id.slice(0, 64))} not found`);
  },
};
