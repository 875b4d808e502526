/**
 * The languages Casework ships templates in. A template may only be saved in one of these: a
 * locale nobody seeded or chooses by is a typo (`sp` for `es`), not a new language.
 */
export const TEMPLATE_LOCALES = ['en', 'es', 'fr', 'de', 'ar', 'ru', 'zh', 'hi'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export function isTemplateLocale(value: unknown): value is TemplateLocale {
  return typeof value === 'string' && (TEMPLATE_LOCALES as readonly string[]).includes(value);
}

// Scripts written right to left, by base language (ISO 639-1).
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv']);

/** `rtl` for languages written right to left: the HTML part carries it as `dir`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale.split(/[-_]/)[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}
