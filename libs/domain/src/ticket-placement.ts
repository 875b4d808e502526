import type { TicketPriority } from './ticket-status.js';

/** Where a new ticket goes and how urgent it starts. */
export interface TicketPlacement {
  queueId: string;
  priority: TicketPriority;
}

/** The priority a ticket opens with until triage rules decide otherwise. */
export const INITIAL_PRIORITY: TicketPriority = 'normal';

/**
 * The queue of the mailbox the mail arrived in, else the default queue; null when there is
 * neither (a deployment that was never seeded).
 */
export function placeNewTicket(input: { mailboxQueueId: string | null; defaultQueueId: string | null }): TicketPlacement | null {
  const queueId = input.mailboxQueueId ?? input.defaultQueueId;
  return queueId === null ? null : { queueId, priority: INITIAL_PRIORITY };
}

interface Address {
  email: string;
  name: string | null;
}

/** Who a ticket answers: Reply-To when the writer set one, else From; a mail with neither gets an undeliverable placeholder. */
export function requesterOf(mail: { replyTo: Address | null; from: Address | null }): Address {
  return mail.replyTo ?? mail.from ?? { email: 'unknown@invalid', name: null };
}
