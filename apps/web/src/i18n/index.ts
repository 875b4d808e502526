import { adminEn, adminTranslations } from './admin';
import { adminConfigEn, adminConfigTranslations } from './admin-config';
import { adminQueuesEn, adminQueuesTranslations } from './admin-queues';
import { composerEn, composerTranslations } from './composer';
import { coreEn, coreTranslations } from './core';
import { RTL_LOCALES, UI_LOCALES, type UiLocale } from './locales';

/**
 * The inbox's strings: one catalog per part of the page (core, composer, admin, …), each with an
 * English reference and a table per other locale of exactly its keys. `{name}` placeholders are
 * filled by `t`. A plain table beats an i18n framework here: a few hundred strings, no plurals
 * beyond what the sentences avoid, and nothing added to the page's JavaScript.
 */
const en = { ...coreEn, ...composerEn, ...adminEn, ...adminQueuesEn, ...adminConfigEn };
export type MessageKey = keyof typeof en;
type Table = Record<MessageKey, string>;

const TABLES: Record<UiLocale, Table> = {
  en,
  ...(Object.fromEntries(
    UI_LOCALES.filter((locale) => locale !== 'en').map((locale) => [
      locale,
      { ...coreTranslations[locale], ...composerTranslations[locale], ...adminTranslations[locale], ...adminQueuesTranslations[locale], ...adminConfigTranslations[locale] },
    ]),
  ) as Record<Exclude<UiLocale, 'en'>, Table>),
};

let active: { locale: UiLocale; table: Table; timeZone: string | undefined } = { locale: 'en', table: en, timeZone: undefined };

/** The UI locale for a user's `locale` (e.g. `ar-EG` → ar; unknown → en). */
export function uiLocaleOf(locale: string | null | undefined): UiLocale {
  const base = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  return (UI_LOCALES as readonly string[]).includes(base) ? (base as UiLocale) : 'en';
}

/** Switches the strings, the page's language and direction, and the time zone dates are shown in. */
export function setLocale(locale: string | null | undefined, timeZone?: string | null): void {
  const ui = uiLocaleOf(locale);
  active = { locale: ui, table: TABLES[ui], timeZone: validTimeZone(timeZone) };
  if (typeof document !== 'undefined') {
    document.documentElement.lang = ui;
    document.documentElement.dir = RTL_LOCALES.has(ui) ? 'rtl' : 'ltr';
  }
}

export function currentLocale(): UiLocale {
  return active.locale;
}

export function currentTimeZone(): string | undefined {
  return active.timeZone;
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return (active.table[key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A zone Intl knows, else the browser's own (a typo in a profile must not break every date). */
function validTimeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}
