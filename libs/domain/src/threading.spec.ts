import { decideThread, normalizeMessageId, parseMessageIdList, threadingCandidates } from './threading.js';

const none = { byMessageId: new Map<string, string>(), byNumber: new Map<string, string>() };

describe('threading decision', () => {
  it('follows In-Reply-To before References', () => {
    const known = {
      byMessageId: new Map([
        ['reply@casework.test', 'ticket-a'],
        ['root@x.test', 'ticket-b'],
      ]),
      byNumber: new Map<string, string>(),
    };
    const decision = decideThread(
      { inReplyTo: ['<reply@Casework.TEST>'], references: ['<root@x.test>', '<reply@casework.test>'], subject: 'Re: x' },
      known,
    );
    expect(decision).toEqual({ kind: 'followup', ticketId: 'ticket-a', matchedBy: 'in-reply-to' });
  });

  it('uses the newest known reference when In-Reply-To is unknown', () => {
    const known = { byMessageId: new Map([['root@x.test', 'ticket-b']]), byNumber: new Map<string, string>() };
    expect(decideThread({ inReplyTo: ['<unknown@y>'], references: ['<root@x.test>'], subject: null }, known)).toEqual({
      kind: 'followup',
      ticketId: 'ticket-b',
      matchedBy: 'references',
    });
  });

  it('falls back to a valid subject tag', () => {
    const known = { byMessageId: new Map<string, string>(), byNumber: new Map([['100008', 'ticket-c']]) };
    expect(decideThread({ inReplyTo: [], references: [], subject: 'Re: [#100008] hi' }, known)).toEqual({
      kind: 'followup',
      ticketId: 'ticket-c',
      matchedBy: 'subject-tag',
    });
  });

  it('opens a new ticket for an unknown tag or no hints', () => {
    expect(decideThread({ inReplyTo: [], references: [], subject: 'Re: [#100008] hi' }, none)).toEqual({ kind: 'new' });
    expect(decideThread({ inReplyTo: [], references: [], subject: 'hello' }, none)).toEqual({ kind: 'new' });
  });

  it('orders candidates In-Reply-To first, then references newest first, without duplicates', () => {
    expect(threadingCandidates({ inReplyTo: ['<c@x>'], references: ['<a@x>', '<b@x>', '<c@x>'], subject: null })).toEqual([
      'c@x',
      'b@x',
      'a@x',
    ]);
  });

  it.each([
    ['<Abc@Example.ORG>', 'Abc@example.org'],
    ['  <a@b>  ', 'a@b'],
    ['', null],
    ['<has space@x>', null],
  ])('normalizes %p', (raw, expected) => {
    expect(normalizeMessageId(raw)).toBe(expected);
  });

  it('parses header lists with and without brackets', () => {
    expect(parseMessageIdList('<a@x> <b@x>\r\n <c@x>')).toEqual(['a@x', 'b@x', 'c@x']);
    expect(parseMessageIdList(['<a@x>', '<b@x>'])).toEqual(['a@x', 'b@x']);
    expect(parseMessageIdList(undefined)).toEqual([]);
  });
});
