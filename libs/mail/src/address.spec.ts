import { distinctAddresses, formatAddress, normalizeEmail } from './address.js';

describe('normalizeEmail', () => {
  it('trims, strips angle brackets and lower-cases', () => {
    expect(normalizeEmail('  <John.Doe@Example.COM> ')).toBe('john.doe@example.com');
    expect(normalizeEmail('a+tag@sub.example.org')).toBe('a+tag@sub.example.org');
    expect(normalizeEmail('"john doe"@example.com')).toBe('"john doe"@example.com');
  });

  it('returns null for things that are not an address', () => {
    for (const raw of ['', 'MAILER-DAEMON', '@example.com', 'user@', 'a b@example.com', 'John <a@b.c>', 'a@exa mple.com', 'a@.example.com', 'a@example..com']) {
      expect(normalizeEmail(raw)).toBeNull();
    }
  });
});

describe('formatAddress', () => {
  it('leaves a plain address or an atom-only name unquoted', () => {
    expect(formatAddress({ email: 'a@example.com', name: null })).toBe('a@example.com');
    expect(formatAddress({ email: 'a@example.com', name: '  ' })).toBe('a@example.com');
    expect(formatAddress({ email: 'a@example.com', name: 'Jane Doe' })).toBe('Jane Doe <a@example.com>');
    expect(formatAddress({ email: 'a@example.com', name: 'Jürgen Müller' })).toBe('Jürgen Müller <a@example.com>');
  });

  it('quotes names with specials and escapes quotes and backslashes', () => {
    expect(formatAddress({ email: 'a@example.com', name: 'Doe, Jane' })).toBe('"Doe, Jane" <a@example.com>');
    expect(formatAddress({ email: 'a@example.com', name: 'J. R. "Bob" Dobbs' })).toBe('"J. R. \\"Bob\\" Dobbs" <a@example.com>');
    expect(formatAddress({ email: 'a@example.com', name: 'back\\slash' })).toBe('"back\\\\slash" <a@example.com>');
  });

  it('cannot be used to inject headers', () => {
    expect(formatAddress({ email: 'a@example.com', name: 'Eve\r\nBcc: x@evil.test' })).toBe('"Eve Bcc: x@evil.test" <a@example.com>');
  });
});

describe('distinctAddresses', () => {
  it('keeps each address once, ignoring letter case and surrounding space, first spelling first', () => {
    expect(distinctAddresses(['Ops@Example.org', ' ops@example.org', 'lead@example.org', '', 'LEAD@example.org '])).toEqual(['Ops@Example.org', 'lead@example.org']);
  });
});
