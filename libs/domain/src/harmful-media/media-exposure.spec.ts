import { decideAttachmentRelease, isVisualMedia } from './media-exposure.js';

describe('isVisualMedia: declared or sniffed', () => {
  it.each([
    ['image/png', null, true],
    ['application/octet-stream', 'image/jpeg', true],
    ['application/pdf', 'video/mp4', true],
    ['Video/QuickTime; name="a.mov"', null, true],
    ['image/svg+xml', 'image/svg+xml', true],
    ['application/pdf', 'application/pdf', false],
    ['text/plain', null, false],
    ['audio/wav', 'audio/wav', false],
  ])('%s sniffed %s → %s', (declared, sniffed, expected) => {
    expect(isVisualMedia(declared, sniffed)).toBe(expected);
  });
});

describe('decideAttachmentRelease', () => {
  const blocked = { blocked: true };
  const admin = { mayReleaseBlocked: true };
  const specialist = { mayReleaseBlocked: false };

  it.each([
    ['an unblocked attachment, to anyone who sees the ticket', { blocked: false }, specialist, undefined, 'allowed'],
    ['a blocked one to a specialist, even with a reason', blocked, specialist, 'report to the hotline', 'blocked'],
    ['a blocked one to an admin without a reason', blocked, admin, undefined, 'blocked'],
    ['a blocked one to an admin with a reason too short to mean anything', blocked, admin, '  x  ', 'blocked'],
    ['a blocked one to an admin with a reason', blocked, admin, 'NCMEC CyberTipline report 1234', 'allowed'],
  ] as const)('%s', (_what, attachment, caller, reason, kind) => {
    expect(decideAttachmentRelease(attachment, caller, reason).kind).toBe(kind);
  });

  it('keeps the reason, trimmed and bounded, for the audit event', () => {
    expect(decideAttachmentRelease(blocked, admin, '  law enforcement request 77  ')).toEqual({ kind: 'allowed', reason: 'law enforcement request 77' });
    const long = decideAttachmentRelease(blocked, admin, 'r'.repeat(900));
    expect(long.kind === 'allowed' && long.reason?.length).toBe(500);
  });
});
