import { DomainError, type ValidationError } from '@casework/domain';

/** Errors of /rules. Caller input is echoed only bounded. */
export const RuleErrors = {
  notFound(id: string): DomainError {
    return new DomainError('RuleNotFound', `rule ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  rawMessageNotFound(id: string): DomainError {
    return new DomainError('RawMessageNotFound', `raw message ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  /** The parser's reason (`unparseable`, `not-a-message`, `too-large`, `timeout`, …) and its message. */
  unparsable(reason: string, message: string): DomainError {
    return new DomainError('UnparsableMessage', `the message could not be parsed (${reason}): ${message}`);
  },

  invalid(fields: Record<string, string[]>): DomainError {
    return new DomainError('InvalidRule', `invalid rule: ${Object.keys(fields).join(', ')}`, fields);
  },
};

/** Domain validation errors as 400 fields, each path under `prefix` (`rules.2.when.field`). */
export function ruleFields(errors: ValidationError[], prefix = '', into: Record<string, string[]> = {}): Record<string, string[]> {
  for (const { path, message } of errors) {
    const field = path === 'body' ? prefix || 'body' : prefix ? `${prefix}.${path}` : path;
    (into[field] ??= []).push(message);
  }
  return into;
}
