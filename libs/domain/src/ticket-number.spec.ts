import { findTicketTag, isValidTicketNumber, replySubject, taggedSubject, ticketNumberFromSequence } from './ticket-number.js';

describe('ticket numbers', () => {
  it.each([
    [1, '18'],
    [10000, '100008'],
    [123456, '1234566'],
  ])('sequence %d becomes %s', (sequence, number) => {
    expect(ticketNumberFromSequence(sequence)).toBe(number);
    expect(isValidTicketNumber(number)).toBe(true);
  });

  it('rejects a single mistyped digit', () => {
    expect(isValidTicketNumber('100009')).toBe(false);
    expect(isValidTicketNumber('100108')).toBe(false);
  });

  it('rejects non-positive sequences', () => {
    expect(() => ticketNumberFromSequence(0)).toThrow(RangeError);
  });

  it.each([
    ['Re: Threat report [#100008]', '100008'],
    ['[#100009] typo then [#100008] real', '100008'],
    ['no tag here', null],
    ['[#100009] invalid check digit', null],
    [null, null],
  ])('finds the tag in %p', (subject, expected) => {
    expect(findTicketTag(subject)).toBe(expected);
  });

  it('tags a subject once', () => {
    expect(taggedSubject('Re: help', '100008')).toBe('Re: help [#100008]');
    expect(taggedSubject('Re: help [#100008]', '100008')).toBe('Re: help [#100008]');
  });

  it('prefixes Re: once when replying', () => {
    expect(replySubject('Harassment', '100008')).toBe('Re: Harassment [#100008]');
    expect(replySubject('RE: Harassment', '100008')).toBe('RE: Harassment [#100008]');
    expect(replySubject('Re: Harassment [#100008]', '100008')).toBe('Re: Harassment [#100008]');
  });
});
