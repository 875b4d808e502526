import { DomainError, type ValidationError } from '@casework/domain';

/** Errors of /sla. Caller input is echoed only bounded. */
export const SlaErrors = {
  policyNotFound(id: string): DomainError {
    return new DomainError('SlaPolicyNotFound', `SLA policy ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  calendarNotFound(id: string): DomainError {
    return new DomainError('SlaCalendarNotFound', `SLA calendar ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  conflict(message: string): DomainError {
    return new DomainError('SlaConflict', message);
  },

  /** Field paths as the domain validators name them (e.g. "definition.week.mon[0].end"). */
  invalid(errors: ValidationError[], prefix = ''): DomainError {
    const fields: Record<string, string[]> = {};
    for (const { path, message } of errors) {
      const field = [prefix, path].filter(Boolean).join('.') || prefix || 'body';
      (fields[field] ??= []).push(message);
    }
    return new DomainError('InvalidSla', `invalid SLA settings: ${Object.keys(fields).join(', ')}`, fields);
  },
};
