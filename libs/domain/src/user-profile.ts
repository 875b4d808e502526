import { IANAZone } from 'luxon';

/** An IANA time zone such as "Europe/Berlin" (what calendars and a user's profile use). */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && IANAZone.isValidZone(value);
}

/** The canonical form of a BCP 47 language tag ("pt-br" → "pt-BR"), or null when it is not one. */
export function canonicalLocale(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}
