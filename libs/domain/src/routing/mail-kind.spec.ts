import { bounceFailed, bounceStatus, classifyMail } from './mail-kind.js';
import { mail, report } from './routing.fixture.js';
import { spamSignals } from './spam-signals.js';
import type { TriageCategory } from '../triage/lexicon.js';
import { mergeTriage } from '../triage/triage.js';
import { priorityAfterTriage, triageTags } from './triage-effects.js';

describe('classifyMail', () => {
  it.each([
    ['a DSN', mail({ report: report() }), 'bounce'],
    ['X-Failed-Recipients', mail({ headers: { 'x-failed-recipients': 'a@b' } }), 'bounce'],
    ['a null sender with a bounce subject', mail({ nullSender: true, subject: 'Undelivered Mail Returned to Sender' }), 'bounce'],
    ['a mailer-daemon with status codes', mail({ from: 'mailer-daemon@x.example', subject: 'hello', report: report({ reportType: null, statuses: ['5.1.1'] }) }), 'bounce'],
    ['a null sender returning a message', mail({ from: 'postmaster@example.net', nullSender: true, subject: 'E', report: report({ reportType: null, originalMessageIds: ['x@y'] }) }), 'bounce'],
    ['a multipart/report without its report-type', mail({ from: 'mail.delivery.system@mx.example', subject: 'Notice', headers: { 'content-type': 'multipart/report; boundary=b' }, report: report({ reportType: null, statuses: ['5.3.0'] }) }), 'bounce'],
    ['a person forwarding a bounce', mail({ subject: 'Fwd: Returned mail: see transcript for details', report: report({ reportType: null, statuses: ['5.1.1'] }) }), 'person'],
    ['Automatyczna odpowiedź:', mail({ from: null, subject: 'Automatyczna odpowiedź: test' }), 'auto_reply'],
    ['a postmaster without bounce signs (machine-like, not a bounce)', mail({ from: 'postmaster@isp.example', subject: 'Your abuse report' }), 'automated'],
    ['a person whose subject mentions delivery', mail({ subject: 'Delivery failure of my package, and threats' }), 'person'],
    ['Auto-Submitted: auto-replied', mail({ headers: { 'auto-submitted': 'auto-replied' } }), 'auto_reply'],
    ['X-Autoreply', mail({ headers: { 'x-autoreply': 'yes' } }), 'auto_reply'],
    ['Out of Office:', mail({ subject: 'Out of Office: Harassment' }), 'auto_reply'],
    ['Abwesenheitsnotiz:', mail({ subject: 'Abwesenheitsnotiz: Ihr Fall' }), 'auto_reply'],
    ['Respuesta automática:', mail({ subject: 'Respuesta automática: su caso' }), 'auto_reply'],
    ['a read receipt', mail({ report: report({ reportType: 'disposition-notification' }) }), 'auto_reply'],
    ['a person writing about an absence', mail({ subject: 'Absence of moderation' }), 'person'],
    ['a mailing list', mail({ headers: { 'list-id': '<x.lists.example>' } }), 'automated'],
    ['Auto-Submitted: auto-generated', mail({ headers: { 'auto-submitted': 'auto-generated' } }), 'automated'],
    ['a no-reply sender', mail({ from: 'noreply@platform.example' }), 'automated'],
    ['a person', mail(), 'person'],
  ])('%s', (_what, facts, kind) => {
    expect(classifyMail(facts).kind).toBe(kind);
  });
});

describe('bounce outcome', () => {
  it.each([
    [report({ actions: ['failed'], statuses: ['5.1.1'] }), true, '5.1.1'],
    [report({ actions: ['delayed'], statuses: ['4.4.7'] }), false, '4.4.7'],
    [report({ statuses: ['4.2.2', '5.2.2'] }), true, '5.2.2'],
    [report(), true, null],
  ])('%j failed=%p status=%p', (facts, failed, status) => {
    expect(bounceFailed(mail({ report: facts }))).toBe(failed);
    expect(bounceStatus(mail({ report: facts }))).toBe(status);
  });
});

describe('spamSignals', () => {
  const headers = (entries: Record<string, string>) => new Map(Object.entries(entries));
  it.each([
    [{ 'x-spam-flag': 'YES' }, 5, ['X-Spam-Flag: YES']],
    [{ 'x-spam-flag': 'no' }, 5, []],
    [{ 'x-spam-status': 'Yes, score=9' }, 5, ['X-Spam-Status: Yes']],
    [{ 'x-spam-status': 'No, score=1' }, 5, []],
    [{ 'x-spam-score': '12.5' }, 12, ['X-Spam-Score 12.5 over 12']],
    [{ 'x-spam-score': '+6 / 5.0' }, 5, ['X-Spam-Score 6 over 5']],
    [{ 'x-spam-score': '-3' }, 0, []],
    [{ 'x-spam-score': '*****' }, 0, []],
    [{ 'x-spam-score': '99' }, null, []],
  ])('%j over %p → %j', (entries, threshold, signals) => {
    expect(spamSignals(headers(entries), threshold)).toEqual(signals);
  });
});

describe('triage effects', () => {
  const hit = (category: TriageCategory, level: 1 | 2) => ({ category, level, language: 'en' as const, evidence: category });
  it.each([
    ['low', 0, 'low'],
    ['low', 1, 'high'],
    ['emergency', 1, 'emergency'],
    ['normal', 2, 'emergency'],
  ] as const)('%s raised by level %p is %s', (current, level, expected) => {
    expect(priorityAfterTriage(current, { level, categories: [] })).toBe(expected);
  });

  it('merges categories at their highest level and tags each once', () => {
    const merged = mergeTriage({ level: 1, categories: [hit('threat', 1)] }, { level: 2, categories: [hit('threat', 2), hit('doxxing', 1)] });
    expect(merged).toEqual({ level: 2, categories: [hit('threat', 2), hit('doxxing', 1)] });
    expect(triageTags(merged)).toEqual(['triage:threat', 'triage:doxxing']);
    expect(mergeTriage(merged, { level: 0, categories: [] }).level).toBe(2);
  });
});
