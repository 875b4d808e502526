import type { Translations } from './locales';

/** The composer strings. */
export const composerEn = {
  'composer.placeholder': 'composer',
} as const;

export const composerTranslations: Translations<typeof composerEn> = {
  es: { 'composer.placeholder': 'composer' },
  fr: { 'composer.placeholder': 'composer' },
  de: { 'composer.placeholder': 'composer' },
  ar: { 'composer.placeholder': 'composer' },
};
