import { currentLocale, currentTimeZone } from './index';

/** A moment in the user's locale and time zone (their profile's `timeZone`, else the browser's). */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'short', timeStyle: 'short', timeZone: currentTimeZone() }).format(new Date(iso));
}

/** A span such as "3 h 5 min" in the user's locale (Intl's unit names, not ours). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const unit = (value: number, name: 'minute' | 'hour' | 'day') => new Intl.NumberFormat(currentLocale(), { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}`;
  return unit(Math.floor(hours / 24), 'day');
}
