import { taggedSubject } from '@casework/domain';

/** `Re: <subject> [#number]`, without stacking a second "Re:". */
export function replySubject(subject: string, ticketNumber: string): string {
  const trimmed = subject.trim();
  const answered = /^re\s*:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`;
  return taggedSubject(answered, ticketNumber);
}

/** The domain part of an address, for Message-IDs of mail sent from it. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
