import { decideRouting } from './decide-routing.js';
import type { OpenTicket, RoutingDecision } from './routing-decision.js';
import { NO_RULES_MATCHED } from './rule-outcome.js';
import { CHILD, input, MAILBOX_QUEUE, mail, POSTMASTER, SAFETY, SPAM } from './routing.fixture.js';
import type { TriageResult } from '../triage/triage.js';

const opened = (decision: RoutingDecision): OpenTicket => {
  expect(decision.action).toBe('open');
  return decision as OpenTicket;
};

const threat: TriageResult = { level: 2, categories: [{ category: 'threat', level: 2, language: 'en', evidence: 'i will hurt' }] };
const raise: TriageResult = { level: 1, categories: [{ category: 'self_harm', level: 1, language: 'en', evidence: 'hopeless' }] };

describe('decideRouting: the queue of a new ticket', () => {
  it.each([
    ['the envelope recipient before To', { envelope: ['child@casework.test'], to: ['safety@casework.test'] }, CHILD, 'envelope'],
    ['Delivered-To before To', { deliveredTo: ['csam-reports@casework.test'], to: ['safety@casework.test'] }, CHILD, 'delivered-to'],
    ['To', { to: ['someone@example.org', 'child@casework.test'] }, CHILD, 'to'],
    ['a Cc address when To names no queue', { to: ['someone@example.org'], cc: ['csam-reports@casework.test'] }, CHILD, 'cc'],
    ['the default queue when nothing matches', { to: ['someone@example.org'] }, SAFETY, 'default'],
  ])('takes %s', (_what, recipients, queueId, by) => {
    const decision = opened(decideRouting(input({ mail: mail({ recipients }) })));
    expect(decision).toMatchObject({ queueId, intendedQueueId: queueId, priority: 'normal', spam: null, suppressAcknowledgement: null, link: null });
    expect(decision.steps[0]).toMatchObject({ kind: 'queue_chosen', by, queueId });
  });

  it("falls back to the mailbox's queue", () => {
    const decision = opened(decideRouting(input({ mail: mail({ recipients: { to: ['x@example.org'] } }), mailboxQueueId: MAILBOX_QUEUE })));
    expect(decision.steps[0]).toEqual({ kind: 'queue_chosen', by: 'mailbox', address: null, queueId: MAILBOX_QUEUE });
  });

  it('never files mail into a system queue by its address', () => {
    // The spam and postmaster queues share the default queue's address: the address means the default queue.
    expect(opened(decideRouting(input())).queueId).toBe(SAFETY);
  });

  it('looks at a bounded number of recipients (10,000 To addresses cost what 100 do)', () => {
    const to = Array.from({ length: 10_000 }, (_, i) => `user${i}@example.org`);
    to[5_000] = 'child@casework.test';
    const started = process.hrtime.bigint();
    const decision = opened(decideRouting(input({ mail: mail({ recipients: { to, cc: to } }) })));
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
    expect(decision.queueId).toBe(SAFETY);
  });

  it('lets a rule move the queue and set priority, tags, assignee and acknowledgement, each rule in the history', () => {
    const rules = { ...NO_RULES_MATCHED, matched: [{ ruleId: 'r1', name: 'CSAM words' }], queueId: CHILD, priority: 'high' as const, tags: ['csam'], assigneeId: 'u1', suppressAcknowledgement: true };
    const decision = opened(decideRouting(input({ rules })));
    expect(decision).toMatchObject({ queueId: CHILD, intendedQueueId: CHILD, priority: 'high', tags: ['csam'], assigneeId: 'u1', suppressAcknowledgement: 'rule' });
    expect(decision.steps).toEqual([
      { kind: 'queue_chosen', by: 'to', address: 'safety@casework.test', queueId: SAFETY },
      { kind: 'rule_applied', ruleId: 'r1', name: 'CSAM words' },
      { kind: 'queue_chosen', by: 'rule', address: null, queueId: CHILD },
    ]);
  });

  it('ignores a rule naming an unknown queue', () => {
    expect(opened(decideRouting(input({ rules: { ...NO_RULES_MATCHED, queueId: 'gone' } }))).queueId).toBe(SAFETY);
  });

  it.each([
    [0, 'normal', []],
    [1, 'high', ['triage:self_harm']],
    [2, 'emergency', ['triage:threat']],
  ] as const)('triage level %p raises the priority to %p and tags it', (level, priority, tags) => {
    const triage = level === 0 ? { level: 0 as const, categories: [] } : level === 1 ? raise : threat;
    const decision = opened(decideRouting(input({ triage, language: 'en' })));
    expect(decision).toMatchObject({ priority, tags, triage, language: 'en' });
  });

  it('triage never lowers what a rule set', () => {
    expect(opened(decideRouting(input({ rules: { ...NO_RULES_MATCHED, priority: 'emergency' }, triage: raise }))).priority).toBe('emergency');
  });
});

describe('decideRouting: spam', () => {
  it.each([
    ['X-Spam-Flag: YES', { 'x-spam-flag': 'YES' }, ['X-Spam-Flag: YES']],
    ['X-Spam-Status: Yes', { 'x-spam-status': 'Yes, score=14.2 required=5.0 tests=…' }, ['X-Spam-Status: Yes']],
    ['a score over the threshold', { 'x-spam-score': '7.5' }, ['X-Spam-Score 7.5 over 5']],
  ])('files %s in the spam queue without an acknowledgement, remembering the queue it would have had', (_what, headers, signals) => {
    const decision = opened(decideRouting(input({ mail: mail({ headers }) })));
    expect(decision).toMatchObject({ queueId: SPAM, intendedQueueId: SAFETY, spam: { signals, acknowledgeOnRelease: true }, suppressAcknowledgement: 'spam' });
    expect(decision.steps).toContainEqual({ kind: 'filed_as_spam', signals, intendedQueueId: SAFETY });
  });

  it.each([
    ['a score at the threshold', { 'x-spam-score': '5' }, SAFETY],
    ['X-Spam-Flag: NO', { 'x-spam-flag': 'NO' }, SAFETY],
    ['a score in a queue that ignores scores', { 'x-spam-score': '50' }, CHILD],
  ])('keeps %s out of spam', (_what, headers, queueId) => {
    const recipients = { to: [queueId === CHILD ? 'child@casework.test' : 'safety@casework.test'] };
    expect(opened(decideRouting(input({ mail: mail({ headers, recipients }) }))).queueId).toBe(queueId);
  });

  it('files mail a rule marks as spam', () => {
    expect(opened(decideRouting(input({ rules: { ...NO_RULES_MATCHED, spam: true } }))).spam).toEqual({ signals: ['marked as spam by a rule'], acknowledgeOnRelease: true });
  });

  it('does not acknowledge on release what would not have been acknowledged anyway', () => {
    const bulk = mail({ headers: { 'x-spam-flag': 'YES', precedence: 'bulk' } });
    expect(opened(decideRouting(input({ mail: bulk }))).spam).toMatchObject({ acknowledgeOnRelease: false });
    const silenced = { ...NO_RULES_MATCHED, spam: true, suppressAcknowledgement: true };
    expect(opened(decideRouting(input({ rules: silenced }))).spam).toMatchObject({ acknowledgeOnRelease: false });
  });

  it('never files a triage level-2 mail as spam, and says why', () => {
    const decision = opened(decideRouting(input({ mail: mail({ headers: { 'x-spam-flag': 'YES' } }), triage: threat })));
    expect(decision).toMatchObject({ queueId: SAFETY, spam: null, priority: 'emergency', suppressAcknowledgement: null });
    expect(decision.steps).toContainEqual({ kind: 'spam_overruled_by_triage', signals: ['X-Spam-Flag: YES'] });
  });

  it('still files a level-1 mail as spam (visible in the spam queue, priority raised)', () => {
    expect(opened(decideRouting(input({ mail: mail({ headers: { 'x-spam-flag': 'YES' } }), triage: raise })))).toMatchObject({ queueId: SPAM, priority: 'high' });
  });
});

describe('decideRouting: loop guard', () => {
  it.each(['safety@casework.test', 'csam-reports@casework.test'])('drops mail from our own address %s', (from) => {
    expect(decideRouting(input({ mail: mail({ from }) }))).toEqual({ action: 'drop', reason: `sent from our own address ${from} (loop guard)` });
  });

  it('routes mail from an address that merely resembles ours', () => {
    expect(decideRouting(input({ mail: mail({ from: 'safety@casework.test.evil.example' }) })).action).toBe('open');
  });
});

describe('decideRouting: unmatched machine reports', () => {
  it('sends an auto-reply that answers none of our mail to the postmaster queue, unacknowledged', () => {
    const decision = opened(decideRouting(input({ mail: mail({ headers: { 'auto-submitted': 'auto-replied' }, subject: 'Out of office' }) })));
    expect(decision).toMatchObject({ queueId: POSTMASTER, suppressAcknowledgement: 'postmaster', systemNote: 'auto_reply' });
  });

  it('treats an auto-reply that triage raises as a person’s mail', () => {
    const decision = opened(decideRouting(input({ mail: mail({ subject: 'Automatic reply: help' }), triage: raise })));
    expect(decision).toMatchObject({ queueId: SAFETY, systemNote: null, priority: 'high' });
  });
});
