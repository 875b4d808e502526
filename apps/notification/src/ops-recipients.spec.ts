import { opsRecipients } from './ops-recipients.js';

const FALLBACK = 'ops@casework.test';

describe('opsRecipients', () => {
  it.each([
    ['an empty list falls back to OPS_EMAIL', [], [FALLBACK]],
    ['no list (no such queue) falls back to OPS_EMAIL', undefined, [FALLBACK]],
    ['the queue list replaces OPS_EMAIL', ['a@example.org', 'b@example.org'], ['a@example.org', 'b@example.org']],
    ['an address listed twice is mailed once (letter case ignored), first spelling kept', ['A@example.org', 'b@example.org', 'a@EXAMPLE.org'], ['A@example.org', 'b@example.org']],
    ['blank entries are skipped', [' ', 'a@example.org'], ['a@example.org']],
    ['only blank entries fall back', [''], [FALLBACK]],
  ])('%s', (_name, list, expected) => {
    expect(opsRecipients(list, FALLBACK)).toEqual(expected);
  });
});
