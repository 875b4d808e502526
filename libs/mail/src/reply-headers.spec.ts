import { bracket, formatMessageIdHeader, generateMessageId, replyHeaders } from './reply-headers.js';

describe('replyHeaders', () => {
  it('answers the original message and appends it to its references', () => {
    expect(replyHeaders({ messageId: 'c@x.test', references: ['a@x.test', 'b@x.test'] })).toEqual({
      inReplyTo: 'c@x.test',
      references: ['a@x.test', 'b@x.test', 'c@x.test'],
    });
  });

  it('normalizes and deduplicates ids', () => {
    expect(replyHeaders({ messageId: '<B@X.TEST>', references: ['<a@x.test>', 'B@x.test'] })).toEqual({
      inReplyTo: 'B@x.test',
      references: ['a@x.test', 'B@x.test'],
    });
  });

  it('keeps the root and the newest 19 ids of a long thread', () => {
    const references = Array.from({ length: 30 }, (_, i) => `m${i}@x.test`);
    const result = replyHeaders({ messageId: 'new@x.test', references });
    expect(result.references).toHaveLength(20);
    expect(result.references[0]).toBe('m0@x.test');
    expect(result.references[1]).toBe('m12@x.test');
    expect(result.references.at(-1)).toBe('new@x.test');
  });

  it('handles an original without Message-ID', () => {
    expect(replyHeaders({ messageId: null, references: ['a@x.test'] })).toEqual({ inReplyTo: null, references: ['a@x.test'] });
  });
});

describe('message id helpers', () => {
  it('formats a header value', () => {
    expect(formatMessageIdHeader(['a@x.test', '<b@y.test>'])).toBe('<a@x.test> <b@y.test>');
    expect(formatMessageIdHeader([])).toBe('');
  });

  it('brackets ids and refuses ones that could break a header', () => {
    expect(bracket('a@x.test')).toBe('<a@x.test>');
    expect(bracket('<a@x.test>')).toBe('<a@x.test>');
    expect(() => bracket('a@x.test>\r\nBcc: evil@x.test')).toThrow(RangeError);
    expect(() => bracket('')).toThrow(RangeError);
  });

  it('generates unique ids without brackets', () => {
    const a = generateMessageId('Casework.Example');
    expect(a).toMatch(/^[0-9a-f-]{36}@casework\.example$/);
    expect(generateMessageId('casework.example')).not.toBe(a);
    expect(() => generateMessageId('bad domain')).toThrow(RangeError);
  });
});
