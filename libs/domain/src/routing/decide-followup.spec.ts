import { decideRouting } from './decide-routing.js';
import type { Followup, OpenTicket } from './routing-decision.js';
import { CHILD, daysAgo, input, mail, SAFETY, TICKET, TICKET_NUMBER, ticket } from './routing.fixture.js';
import type { TriageResult } from '../triage/triage.js';

const reply = (from: string, overrides: Parameters<typeof mail>[0] = {}) => mail({ from, inReplyTo: ['ours-1@casework.test'], subject: 'Re: Harassment', ...overrides });
const tagged = (from: string) => mail({ from, subject: `About your case [#${TICKET_NUMBER}]` });

describe('decideRouting: follow-ups', () => {
  it.each([
    ['the requester', 'rita@example.org'],
    ['someone who wrote or was copied before', 'friend@example.net'],
    ['one of our specialists', 'specialist@casework.test'],
  ])('continues the ticket for %s', (_who, from) => {
    const known = ticket({ participants: new Set(['rita@example.org', 'friend@example.net']) });
    expect(decideRouting(input({ mail: reply(from), ticket: known }))).toMatchObject({ action: 'followup', ticketId: TICKET, matchedBy: 'in-reply-to', flagged: null, reopen: false, steps: [] });
  });

  it.each([
    ['by In-Reply-To', reply('troll@example.com'), 'in-reply-to'],
    ['by References', mail({ from: 'troll@example.com', references: ['x@y', 'ours-1@casework.test'] }), 'references'],
    ['by the subject tag', tagged('troll@example.com'), 'subject-tag'],
  ])("flags a stranger's follow-up %s: attached, never the requester's, nothing reopened", (_how, strangerMail, matchedBy) => {
    const decision = decideRouting(input({ mail: strangerMail, ticket: ticket({ status: 'pending' }), language: 'es' }));
    expect(decision).toEqual({
      action: 'followup',
      ticketId: TICKET,
      matchedBy,
      flagged: 'unknown_sender',
      reopen: false,
      raisePriorityTo: null,
      triage: null,
      tags: [],
      language: null,
      steps: [{ kind: 'unknown_sender_flagged', sender: 'troll@example.com' }],
    });
  });

  it('flags a follow-up without a sender address', () => {
    expect(decideRouting(input({ mail: reply('x', { from: null }), ticket: ticket() }))).toMatchObject({ action: 'followup', flagged: 'unknown_sender' });
  });

  it("opens a linked ticket for a stranger's follow-up when the queue says so", () => {
    const decision = decideRouting(input({ mail: tagged('troll@example.com'), ticket: ticket({ queueId: CHILD }) })) as OpenTicket;
    expect(decision).toMatchObject({ action: 'open', queueId: SAFETY, link: { ticketId: TICKET, reason: 'unknown_sender' }, suppressAcknowledgement: null });
    expect(decision.steps[0]).toEqual({ kind: 'continues_ticket', ticketId: TICKET, reason: 'unknown_sender' });
  });

  it.each([
    ['an open ticket', ticket({ status: 'open' }), { action: 'followup', reopen: false }],
    ['a pending ticket', ticket({ status: 'pending' }), { action: 'followup', reopen: true, steps: [{ kind: 'reopened', from: 'pending' }] }],
    ['a ticket resolved 29 days ago', ticket({ status: 'resolved', resolvedAt: daysAgo(29) }), { action: 'followup', reopen: true }],
    ['a ticket resolved 31 days ago', ticket({ status: 'resolved', resolvedAt: daysAgo(31) }), { action: 'open', link: { ticketId: TICKET, reason: 'reopen_window_passed' } }],
    ['a ticket of a 7-day queue resolved 8 days ago', ticket({ queueId: CHILD, status: 'resolved', resolvedAt: daysAgo(8) }), { action: 'open', link: { reason: 'reopen_window_passed' } }],
    ['a ticket closed yesterday (closed is final)', ticket({ status: 'closed', resolvedAt: daysAgo(1) }), { action: 'open', link: { ticketId: TICKET, reason: 'ticket_closed' } }],
  ])("places the requester's reply to %s", (_what, known, expected) => {
    expect(decideRouting(input({ mail: reply('rita@example.org'), ticket: known }))).toMatchObject(expected);
  });

  it('opens a new ticket for a stranger writing into a closed case (no flag needed: it is their own ticket)', () => {
    expect(decideRouting(input({ mail: tagged('troll@example.com'), ticket: ticket({ status: 'closed' }) }))).toMatchObject({ action: 'open', link: { reason: 'ticket_closed' } });
  });

  const threat: TriageResult = { level: 2, categories: [{ category: 'threat', level: 2, language: 'en', evidence: 'i will hurt' }] };

  it('raises the ticket by triage, never lowers it, and merges what triage found', () => {
    const known = ticket({ priority: 'high', triage: { level: 1, categories: [{ category: 'doxxing', level: 1, language: 'en', evidence: 'address' }] } });
    const decision = decideRouting(input({ mail: reply('rita@example.org'), ticket: known, triage: threat })) as Followup;
    expect(decision).toMatchObject({ raisePriorityTo: 'emergency', tags: ['triage:threat'], triage: { level: 2 } });
    expect(decision.triage!.categories.map((hit) => hit.category)).toEqual(['threat', 'doxxing']); // strongest first
    const calm = decideRouting(input({ mail: reply('rita@example.org'), ticket: ticket({ priority: 'emergency' }) })) as Followup;
    expect(calm).toMatchObject({ raisePriorityTo: null, triage: null });
  });

  it("raises the ticket for a stranger's threat too (what a mail says matters whoever wrote it)", () => {
    expect(decideRouting(input({ mail: tagged('troll@example.com'), ticket: ticket(), triage: threat }))).toMatchObject({ flagged: 'unknown_sender', raisePriorityTo: 'emergency' });
  });

  it("records the language only while the ticket has none", () => {
    expect(decideRouting(input({ mail: reply('rita@example.org'), ticket: ticket(), language: 'de' }))).toMatchObject({ language: 'de' });
    expect(decideRouting(input({ mail: reply('rita@example.org'), ticket: ticket({ language: 'en' }), language: 'de' }))).toMatchObject({ language: null });
  });

  it('opens a new ticket when the thread names a ticket the router could not load', () => {
    const decision = decideRouting(input({ mail: reply('rita@example.org'), known: { byMessageId: new Map([['ours-1@casework.test', 'gone']]) } }));
    expect(decision).toMatchObject({ action: 'open', link: null });
  });
});
