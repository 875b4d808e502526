import { canonicalLocale, isTimeZone } from './user-profile.js';

describe('user profile values', () => {
  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Mars/Olympus', false],
    ['', false],
    [42, false],
  ])('time zone %p: %p', (value, valid) => {
    expect(isTimeZone(value)).toBe(valid);
  });

  it.each([
    ['en', 'en'],
    ['pt-br', 'pt-BR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['de-DE', 'de-DE'],
    ['not a locale', null],
    ['', null],
    ['x'.repeat(40), null],
    [7, null],
  ])('locale %p → %p', (value, expected) => {
    expect(canonicalLocale(value)).toBe(expected);
  });
});
