import { DomainError } from '@casework/domain';

/** Errors of a reply, before anything is queued. Caller input is echoed only bounded. */
export const ReplyErrors = {
  invalidRecipient(): DomainError {
    return new DomainError('InvalidRecipient', "the ticket's requester address is not one mail can be sent to: nothing was queued");
  },

  attachmentsTooLarge(bytes: number, limit: number): DomainError {
    return new DomainError('AttachmentsTooLarge', `the attachments weigh ${bytes} bytes decoded; a reply may carry at most ${limit}`);
  },

  invalid(fields: Record<string, string[]>): DomainError {
    return new DomainError('InvalidTemplate', `invalid reply: ${Object.keys(fields).join(', ')}`, fields);
  },
};
