import { DomainError } from '@casework/domain';

/** Errors of /templates. Caller input is echoed only bounded. */
export const TemplateErrors = {
  notFound(id: string): DomainError {
    return new DomainError('TemplateNotFound', `template ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  taken(key: string, locale: string, queueId: string | null): DomainError {
    const scope = queueId ? 'this queue' : 'the global library';
    return new DomainError('TemplateConflict', `${scope} already has a template ${JSON.stringify(key)} in ${locale}: save a new version of it (PUT) instead`);
  },

  systemTemplate(key: string): DomainError {
    return new DomainError('TemplateConflict', `the global ${JSON.stringify(key)} templates are mail Casework sends: change them (PUT), they cannot be deleted`);
  },

  /** `fields`: the template part (subject, text, html) or field at fault, each problem with its line and name. */
  invalid(fields: Record<string, string[]>): DomainError {
    return new DomainError('InvalidTemplate', `invalid template: ${Object.keys(fields).join(', ')}`, fields);
  },
};
