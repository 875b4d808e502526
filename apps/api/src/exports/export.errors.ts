import { DomainError } from '@casework/domain';

/** Errors of case export. Caller input is echoed only bounded; the key never. */
export const ExportErrors = {
  notFound(id: string): DomainError {
    return new DomainError('ExportNotFound', `export ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  signingKeyMissing(): DomainError {
    return new DomainError('ExportSigningKeyMissing', 'EXPORT_SIGNING_KEY is not set on the API: it cannot sign a case export');
  },
};
