import { wireForm } from './smtp-mailer.js';

describe('wireForm: the bytes SMTP DATA carries', () => {
  it.each([
    ['a\r\nb\r\n', 'a\r\nb\r\n'],
    ['a\nb\n', 'a\r\nb\r\n'],
    ['a\rb\r', 'a\r\nb\r\n'],
    ['a\r\nb', 'a\r\nb\r\n'],
    ['\u00e9\n', '\u00e9\r\n'],
  ])('%j → %j', (input, expected) => {
    expect(wireForm(Buffer.from(input, 'latin1')).toString('latin1')).toBe(expected);
  });

  it('hands back the same buffer when nothing changes', () => {
    const raw = Buffer.from('Subject: x\r\n\r\nbody\r\n');
    expect(wireForm(raw)).toBe(raw);
  });
});
