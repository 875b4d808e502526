import type { StoredTemplate, TemplateKind } from '@casework/domain';
import { AR } from './seed-templates/ar.js';
import { DE } from './seed-templates/de.js';
import { EN } from './seed-templates/en.js';
import { ES } from './seed-templates/es.js';
import { FR } from './seed-templates/fr.js';
import { HI } from './seed-templates/hi.js';
import { RU } from './seed-templates/ru.js';
import type { SeedLocale } from './seed-templates/seed-locale.js';
import { ZH } from './seed-templates/zh.js';

/** A template to seed: global (no queue), its text part only (the HTML part is made from it). */
export type SeedTemplate = Pick<StoredTemplate, 'key' | 'locale' | 'kind' | 'subject' | 'text'>;

/** The seeded languages, in TEMPLATE_LOCALES order. */
export const SEED_LOCALES: Record<string, SeedLocale> = { en: EN, es: ES, fr: FR, de: DE, ar: AR, ru: RU, zh: ZH, hi: HI };

const MESSAGE_KEYS = ['acknowledgement', 'reply', 'sla-warning', 'sla-breach', 'page'] as const;

/** Every seeded template: the partials and the five mails in each language. */
export const SEED_TEMPLATES: readonly SeedTemplate[] = Object.entries(SEED_LOCALES).flatMap(([locale, texts]) => [
  ...(['salutation', 'signature'] as const).map((key) => ({ key, locale, kind: 'partial' as TemplateKind, subject: '', text: texts[key] })),
  ...MESSAGE_KEYS.map((key) => ({ key, locale, kind: 'message' as TemplateKind, subject: texts[key].subject, text: texts[key].text })),
]);
