import { decideRouting } from '../routing/decide-routing.js';
import type { OpenTicket, RoutingDecision } from '../routing/routing-decision.js';
import { NO_RULES_MATCHED } from '../routing/rule-outcome.js';
import { CHILD, input, mail, SAFETY, ticket } from '../routing/routing.fixture.js';
import type { TriageResult } from '../triage/triage.js';
import { applyHashListHit, escalateForHashListHit, HASH_LIST_EVIDENCE, HASH_LIST_MATCH_TAG, hashListHit } from './hash-list-match.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const M = 'c'.repeat(32);
const hit = { positions: [1], listIds: ['list-1'] };

describe('hashListHit: which attachments are listed', () => {
  const listed = new Map([[B, ['list-2', 'list-1']], [M, ['list-3']]]);

  it('finds attachments by SHA-256 or MD5, by position, with every list once', () => {
    expect(hashListHit([{ sha256: A, md5: null }, { sha256: B, md5: null }, { sha256: A, md5: M }], listed)).toEqual({ positions: [1, 2], listIds: ['list-1', 'list-2', 'list-3'] });
  });

  it('is null when nothing is listed (or nothing is attached)', () => {
    expect(hashListHit([{ sha256: A, md5: 'd'.repeat(32) }], listed)).toBeNull();
    expect(hashListHit([], listed)).toBeNull();
  });
});

describe('applyHashListHit: a new ticket', () => {
  const decided = (overrides: Parameters<typeof input>[0] = {}): RoutingDecision => decideRouting(input(overrides));
  const opened = (decision: RoutingDecision): OpenTicket => {
    expect(decision.action).toBe('open');
    return decision as OpenTicket;
  };

  it('opens in the child-safety queue as an emergency with level-2 child-safety triage, tagged, the step recorded', () => {
    const decision = opened(applyHashListHit(decided(), hit, CHILD, 'de'));
    expect(decision).toMatchObject({ queueId: CHILD, intendedQueueId: CHILD, priority: 'emergency', spam: null, hashListHit: { ...hit, childSafetyQueueId: CHILD, language: 'de' } });
    expect(decision.triage).toEqual({ level: 2, categories: [{ category: 'child_safety', level: 2, language: 'de', evidence: HASH_LIST_EVIDENCE }] });
    expect(decision.tags).toEqual(['triage:child_safety', HASH_LIST_MATCH_TAG]);
    expect(decision.steps).toEqual([
      { kind: 'queue_chosen', by: 'to', address: 'safety@casework.test', queueId: SAFETY },
      { kind: 'hash_list_matched', positions: [1], listIds: ['list-1'] },
      { kind: 'queue_chosen', by: 'hash_list', address: null, queueId: CHILD },
    ]);
  });

  it('overrides a rule that sent it elsewhere and keeps what text triage found', () => {
    const threat: TriageResult = { level: 2, categories: [{ category: 'threat', level: 2, language: 'en', evidence: 'i will hurt' }] };
    const decision = opened(applyHashListHit(decided({ rules: { ...NO_RULES_MATCHED, queueId: SAFETY, tags: ['rule-tag'] }, triage: threat }), hit, CHILD, null));
    expect(decision.queueId).toBe(CHILD);
    expect(decision.triage.categories.map((c) => [c.category, c.level, c.language])).toEqual([['threat', 2, 'en'], ['child_safety', 2, 'en']]);
    expect(decision.tags).toEqual(expect.arrayContaining(['rule-tag', 'triage:threat', 'triage:child_safety', HASH_LIST_MATCH_TAG]));
  });

  it('is never filed as spam: the signals are recorded as overruled and the acknowledgement goes out', () => {
    const spam = opened(decided({ mail: mail({ headers: { 'x-spam-flag': 'YES' } }) }));
    expect(spam.spam).not.toBeNull();
    const decision = opened(applyHashListHit(spam, hit, CHILD, null));
    expect(decision).toMatchObject({ queueId: CHILD, spam: null, suppressAcknowledgement: null });
    expect(decision.steps.map((s) => s.kind)).toEqual(['queue_chosen', 'hash_list_matched', 'spam_overruled_by_triage', 'queue_chosen']);
  });

  it('adds no move when the mail was addressed to the child-safety queue already', () => {
    const decision = opened(applyHashListHit(decided({ mail: mail({ recipients: { to: ['child@casework.test'] } }) }), hit, CHILD, null));
    expect(decision.steps.filter((s) => s.kind === 'queue_chosen')).toHaveLength(1);
  });

  it('changes nothing without a hit, and leaves a dropped mail (the loop guard) dropped', () => {
    const plain = decided();
    expect(applyHashListHit(plain, null, CHILD, null)).toBe(plain);
    const own = decided({ mail: mail({ from: 'safety@casework.test' }) });
    expect(applyHashListHit(own, hit, CHILD, null)).toBe(own);
  });

  it('marks a follow-up with the hit, for the writer to escalate its ticket', () => {
    const followup = decided({ ticket: ticket(), mail: mail({ inReplyTo: ['ours-1@casework.test'] }) });
    expect(followup.action).toBe('followup');
    expect(applyHashListHit(followup, hit, CHILD, null)).toEqual({ ...followup, hashListHit: { ...hit, childSafetyQueueId: CHILD, language: null } });
  });
});

describe('escalateForHashListHit: an existing ticket', () => {
  it('moves it to the child-safety queue and raises it to emergency (which pages)', () => {
    expect(escalateForHashListHit({ queueId: SAFETY, priority: 'normal', triage: null }, { ...hit, childSafetyQueueId: CHILD, language: 'fr' })).toEqual({
      queueId: CHILD,
      priority: 'emergency',
      triage: { level: 2, categories: [{ category: 'child_safety', level: 2, language: 'fr', evidence: HASH_LIST_EVIDENCE }] },
      tags: ['triage:child_safety', HASH_LIST_MATCH_TAG],
      steps: [{ kind: 'hash_list_matched', positions: [1], listIds: ['list-1'] }, { kind: 'queue_chosen', by: 'hash_list', address: null, queueId: CHILD }],
    });
  });

  it('leaves a ticket already there and already an emergency where it is', () => {
    const escalation = escalateForHashListHit({ queueId: CHILD, priority: 'emergency', triage: null }, { ...hit, childSafetyQueueId: CHILD, language: null });
    expect(escalation).toMatchObject({ queueId: null, priority: null });
    expect(escalation.steps.map((s) => s.kind)).toEqual(['hash_list_matched']);
  });
});
