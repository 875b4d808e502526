import type { DeliveryReportFacts, MailFacts } from './mail-facts.js';
import { QueueDirectory, type QueueRoutingSettings } from './queue-directory.js';
import type { KnownTicket, RoutingInput } from './routing-decision.js';
import { NO_RULES_MATCHED } from './rule-outcome.js';
import { NO_TRIAGE } from '../triage/triage.js';

/** Queues, mail and tickets of the routing decision's table tests. */
export const SAFETY = 'queue-safety';
export const CHILD = 'queue-child';
export const SPAM = 'queue-spam';
export const POSTMASTER = 'queue-postmaster';
export const MAILBOX_QUEUE = 'queue-mailbox';

const settings: QueueRoutingSettings = { unknownSenderFollowup: 'flag', reopenWindowDays: 30, spamScoreThreshold: 5 };

export const queues = new QueueDirectory(
  [
    { id: SAFETY, addresses: ['safety@casework.test'], role: null, settings },
    { id: CHILD, addresses: ['child@casework.test', 'csam-reports@casework.test'], role: null, settings: { unknownSenderFollowup: 'new_ticket', reopenWindowDays: 7, spamScoreThreshold: null } },
    { id: MAILBOX_QUEUE, addresses: ['inbox@casework.test'], role: null, settings },
    { id: SPAM, addresses: ['safety@casework.test'], role: 'spam', settings },
    { id: POSTMASTER, addresses: ['safety@casework.test'], role: 'postmaster', settings },
  ],
  SAFETY,
);

export const NOW = new Date('2026-06-10T12:00:00Z');
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

/** A person's mail to the safety queue; `headers` are lower-case names. */
export function mail(overrides: Partial<Omit<MailFacts, 'headers' | 'recipients'>> & { headers?: Record<string, string>; recipients?: Partial<MailFacts['recipients']> } = {}): MailFacts {
  const { headers, recipients, ...rest } = overrides;
  return {
    from: 'rita@example.org',
    nullSender: false,
    subject: 'Harassment in the forum',
    messageId: 'm1@example.org',
    inReplyTo: [],
    references: [],
    report: null,
    ...rest,
    headers: new Map(Object.entries(headers ?? {})),
    recipients: { envelope: [], deliveredTo: [], to: ['safety@casework.test'], cc: [], ...recipients },
  };
}

export function report(overrides: Partial<DeliveryReportFacts> = {}): DeliveryReportFacts {
  return { reportType: 'delivery-status', originalMessageIds: [], failedRecipients: [], statuses: [], actions: [], ...overrides };
}

export const TICKET = 'ticket-1';
export const TICKET_NUMBER = '100008';

export function ticket(overrides: Partial<KnownTicket> = {}): KnownTicket {
  return {
    id: TICKET,
    queueId: SAFETY,
    status: 'open',
    resolvedAt: null,
    participants: new Set(['rita@example.org']),
    priority: 'normal',
    triage: NO_TRIAGE,
    language: null,
    ...overrides,
  };
}

/** A decision input: no known threads, no rules, no triage; `ticket` makes TICKET known by the Message-ID `ours-1@casework.test` and its number. */
export function input(overrides: Partial<Omit<RoutingInput, 'known'>> & { known?: Partial<RoutingInput['known']>; ticket?: KnownTicket } = {}): RoutingInput {
  const { known, ticket: knownTicket, ...rest } = overrides;
  const threads = knownTicket
    ? { byMessageId: new Map([['ours-1@casework.test', knownTicket.id]]), byNumber: new Map([[TICKET_NUMBER, knownTicket.id]]), tickets: new Map([[knownTicket.id, knownTicket]]) }
    : { byMessageId: new Map(), byNumber: new Map(), tickets: new Map() };
  return {
    mail: mail(),
    queues,
    mailboxQueueId: null,
    outbound: { byMessageId: new Map(), byRecipient: new Map() },
    rules: NO_RULES_MATCHED,
    triage: NO_TRIAGE,
    language: null,
    now: NOW,
    ...rest,
    known: { ...threads, specialists: new Set(['specialist@casework.test']), ...known },
  };
}
