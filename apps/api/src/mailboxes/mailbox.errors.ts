import { DomainError } from '@casework/domain';

/** Errors of /mailboxes. Caller input is echoed only bounded; a password never. */
export const MailboxErrors = {
  notFound(id: string): DomainError {
    return new DomainError('MailboxNotFound', `mailbox ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  conflict(existingId: string): DomainError {
    return new DomainError('MailboxConflict', `a mailbox for this IMAP host, port, user and folder already exists: ${existingId}`);
  },

  invalid(fields: Record<string, string[]>): DomainError {
    return new DomainError('InvalidMailbox', `invalid mailbox: ${Object.keys(fields).join(', ')}`, fields);
  },

  secretKeyMissing(): DomainError {
    return new DomainError('MailboxSecretKeyMissing', 'MAILBOX_SECRET_KEY is not set on the API: it cannot store a mailbox password');
  },
};
