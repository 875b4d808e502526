/**
 * Who gets a queue's ops notices (SLA warnings and breaches, pages nobody on call took): the
 * queue's ops list, or the service-wide OPS_EMAIL while that list is empty. An address listed
 * twice (in any letter case) is mailed once.
 */
export function opsRecipients(queueOpsEmails: readonly string[] | undefined, fallback: string): string[] {
  const seen = new Set<string>();
  const recipients: string[] = [];
  for (const email of queueOpsEmails ?? []) {
    const key = email.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    recipients.push(email.trim());
  }
  return recipients.length > 0 ? recipients : [fallback];
}
