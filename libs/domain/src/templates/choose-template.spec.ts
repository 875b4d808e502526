import { choosePartials, chooseTemplate } from './choose-template.js';
import type { StoredTemplate } from './stored-template.js';

const QUEUE = 'q-es';
let n = 0;
const t = (key: string, locale: string, queueId: string | null = null, kind: StoredTemplate['kind'] = 'message'): StoredTemplate => ({ id: `t${++n}`, key, locale, queueId, kind, version: 1, subject: '', text: `${key}/${locale}/${queueId ?? 'global'}`, html: null });
const library = [t('acknowledgement', 'en'), t('acknowledgement', 'es'), t('acknowledgement', 'ar'), t('acknowledgement', 'es', QUEUE), t('acknowledgement', 'fr', 'other'), t('custom', 'fr'), t('signature', 'es', null, 'partial'), t('signature', 'es', QUEUE, 'partial'), t('salutation', 'es', null, 'partial')];

describe('chooseTemplate: requested → ticket language → queue default → en, the queue override first', () => {
  it.each<[string, string | null, { requested?: string; ticketLanguage?: string | null; queueLocale?: string | null }, string | null, string]>([
    ['acknowledgement', null, { ticketLanguage: 'ar', queueLocale: 'es' }, 'ar', 'acknowledgement/ar/global'],
    ['acknowledgement', QUEUE, { ticketLanguage: 'es-MX' }, 'es', `acknowledgement/es/${QUEUE}`],
    ['acknowledgement', null, { ticketLanguage: 'es' }, 'es', 'acknowledgement/es/global'],
    ['acknowledgement', null, { ticketLanguage: 'ko', queueLocale: 'es' }, 'es', 'acknowledgement/es/global'],
    ['acknowledgement', null, { ticketLanguage: 'ko', queueLocale: null }, 'en', 'acknowledgement/en/global'],
    // Another queue's override is not a locale this queue has.
    ['acknowledgement', null, { ticketLanguage: 'fr' }, 'en', 'acknowledgement/en/global'],
    ['acknowledgement', null, { requested: 'ar', ticketLanguage: 'es' }, 'ar', 'acknowledgement/ar/global'],
    ['acknowledgement', null, { requested: 'de', ticketLanguage: 'es' }, 'es', 'acknowledgement/es/global'],
    // A key in one language only is sent in it.
    ['custom', null, { ticketLanguage: 'es' }, 'fr', 'custom/fr/global'],
  ])('%s for queue %s, %p → %s', (key, queueId, candidates, locale, text) => {
    const chosen = chooseTemplate(library, key, queueId, candidates)!;
    expect([chosen.locale, chosen.template.text]).toEqual([locale, text]);
  });

  it('answers null for a key nobody has', () => {
    expect(chooseTemplate(library, 'nothing', null, {})).toBeNull();
  });

  it('choosePartials: the queue override, else the global one, missing ones left out', () => {
    const partials = choosePartials(library, ['salutation', 'signature'], QUEUE, 'es');
    expect(Object.fromEntries(Object.entries(partials).map(([k, v]) => [k, v.text]))).toEqual({ salutation: 'salutation/es/global', signature: `signature/es/${QUEUE}` });
    expect(choosePartials(library, ['salutation', 'signature'], null, 'de')).toEqual({});
  });
});
