import type { Translations } from './locales';

/** The admin-config strings. */
export const adminConfigEn = {
  'adminConfig.placeholder': 'admin-config',
} as const;

export const adminConfigTranslations: Translations<typeof adminConfigEn> = {
  es: { 'adminConfig.placeholder': 'admin-config' },
  fr: { 'adminConfig.placeholder': 'admin-config' },
  de: { 'adminConfig.placeholder': 'admin-config' },
  ar: { 'adminConfig.placeholder': 'admin-config' },
};
