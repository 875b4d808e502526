import { DomainError } from '@casework/domain';

/** Errors of /users, /tokens and /me. Caller input is echoed only bounded; a token never. */
export const UserErrors = {
  notFound(id: string): DomainError {
    return new DomainError('UserNotFound', `user ${JSON.stringify(id.slice(0, 64))} not found`);
  },

  emailTaken(): DomainError {
    return new DomainError('UserConflict', 'a user with this email already exists');
  },

  lastAdmin(): DomainError {
    return new DomainError('LastAdmin', 'this is the last enabled admin: make another user admin first');
  },

  tokenNotFound(id: string): DomainError {
    return new DomainError('TokenNotFound', `token ${JSON.stringify(id.slice(0, 64))} not found`);
  },
};
