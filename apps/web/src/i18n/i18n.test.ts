import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatTime } from './format';
import { currentLocale, setLocale, t, uiLocaleOf } from './index';

describe('the inbox strings', () => {
  afterEach(() => setLocale('en'));

  it('picks the UI locale from a profile locale, English for one it does not have', () => {
    expect(uiLocaleOf('ar-EG')).toBe('ar');
    expect(uiLocaleOf('pt_BR')).toBe('en');
    expect(uiLocaleOf(undefined)).toBe('en');
  });

  it('turns the page right-to-left for Arabic and back', () => {
    setLocale('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(t('composer.send')).toBe('إرسال الرد');
    setLocale('de-AT');
    expect(currentLocale()).toBe('de');
    expect(document.documentElement.dir).toBe('ltr');
    expect(t('list.heading', { queue: 'Safety' })).toBe('Tickets in Safety');
  });

  it('shows dates in the profile time zone, and ignores a zone Intl does not know', () => {
    const noonUtc = '2026-07-01T12:00:00Z';
    setLocale('en', 'Asia/Tokyo');
    expect(formatTime(noonUtc)).toContain('9:00');
    setLocale('en', 'America/New_York');
    expect(formatTime(noonUtc)).toContain('8:00');
    setLocale('en', 'Mars/Olympus_Mons');
    expect(() => formatTime(noonUtc)).not.toThrow();
  });

  it('writes spans with the locale’s unit names', () => {
    setLocale('en');
    expect(formatDuration(5 * 60_000)).toBe('5 min');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 hr 5 min');
    setLocale('fr');
    expect(formatDuration(3 * 86_400_000)).toBe('3\u202fj');
  });
});
