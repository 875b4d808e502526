/** The UI locales: English is the reference every other table must match key for key. */
export const UI_LOCALES = ['en', 'es', 'fr', 'de', 'ar'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
export type TranslatedLocale = Exclude<UiLocale, 'en'>;

/** Every other locale's table for one catalog: the type fails when a key is missing or extra. */
export type Translations<Reference> = Record<TranslatedLocale, { readonly [Key in keyof Reference]: string }>;

/** Locales written right-to-left (the page's `dir`). */
export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar']);
