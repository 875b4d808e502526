import { distinctAddresses } from '@casework/mail';

/**
 * Who gets a queue's ops notices (SLA warnings and breaches, pages nobody on call took): the
 * queue's ops list, or the service-wide OPS_EMAIL while that list is empty. An address listed
 * twice (in any letter case) is mailed once.
 */
export function opsRecipients(queueOpsEmails: readonly string[] | undefined, fallback: string): string[] {
  const recipients = distinctAddresses(queueOpsEmails ?? []);
  return recipients.length > 0 ? recipients : [fallback];
}
