import { MailParseError } from '@casework/mail';
import { humanBytes, quarantineReason } from './quarantine-reason.js';

const MB = 1024 * 1024;
const reason = (error: MailParseError, size = 100, maxBytes = 25 * MB) => quarantineReason(error, size, maxBytes);

describe('quarantineReason', () => {
  it('states size and limit in human units', () => {
    expect(reason(new MailParseError('too-large', 'x'), 30 * MB)).toBe('message is 30 MB, over the 25 MB limit');
    expect(reason(new MailParseError('too-large', 'x'), 2600, 2000)).toBe('message is 2.5 KB, over the 2 KB limit');
  });

  it('falls back to exact bytes when rounding would hide the difference', () => {
    expect(reason(new MailParseError('too-large', 'x'), 25 * MB + 1)).toBe('message is 26214401 bytes, over the 26214400-byte limit');
  });

  it('explains what the parser refused', () => {
    expect(reason(new MailParseError('empty', 'message is empty or whitespace only'))).toBe('message is empty (no bytes, or whitespace only)');
    expect(reason(new MailParseError('not-a-message', 'input has none of the header fields of a mail message'))).toBe(
      'not an email message (no header lines such as From, To, Subject or Date)',
    );
    expect(reason(new MailParseError('not-a-message', 'input is binary (NUL byte in the header block)'))).toBe(
      'not an email message (binary data where the header lines should be)',
    );
    expect(reason(new MailParseError('timeout', 'parser timed out after 10000 ms'))).toBe('parser timed out after 10000 ms');
    expect(reason(new MailParseError('parser-crashed', 'parser crashed: worker exited with code 3'))).toBe('parser crashed: worker exited with code 3');
  });

  it('keeps reasons on one line and bounded', () => {
    const long = reason(new MailParseError('parser-crashed', `parser crashed: ${'x\n'.repeat(1000)}`));
    expect(long).not.toMatch(/\n/);
    expect(long.length).toBeLessThanOrEqual(500);
    expect(long.endsWith('…')).toBe(true);
  });

  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [26214400, '25 MB'],
  ])('humanBytes(%p) = %p', (bytes, text) => {
    expect(humanBytes(bytes)).toBe(text);
  });
});
