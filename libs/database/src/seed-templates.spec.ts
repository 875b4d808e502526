import { choosePartials, PARTIAL_KEYS, stakeholderContext, TEMPLATE_LOCALES, templateScope, type StakeholderFacts, type StoredTemplate } from '@casework/domain';
import { checkTemplate, formatDate, renderMessage } from '@casework/mail';
import { SEED_TEMPLATES } from './seed-templates.js';

const stored: StoredTemplate[] = SEED_TEMPLATES.map((t, i) => ({ ...t, id: `t${i}`, queueId: null, version: 1, html: null }));
const facts = (emergency: boolean): StakeholderFacts => ({
  ticket: { id: 't1', number: '100007', subject: 'Threats <b>', priority: 'normal', createdAt: new Date('2025-03-01T12:00:00Z'), slaDueAt: null },
  requester: { email: 'sam@example.org', name: 'Sam' },
  queue: { name: 'Safety', address: 'safety@example.org', emergency },
  previous: null,
});
const TIME_ZONE = 'Europe/Madrid';

function acknowledgement(locale: string, emergency = false) {
  const template = stored.find((t) => t.key === 'acknowledgement' && t.locale === locale)!;
  return renderMessage(template, choosePartials(stored, PARTIAL_KEYS, null, locale), stakeholderContext(facts(emergency), locale), { locale, timeZone: TIME_ZONE });
}

// What marks each language's acknowledgement: its greeting and the sentence about immediate danger.
const MARKS: Record<string, { greeting: string; subject: string; danger: string }> = {
  en: { greeting: 'Hello Sam,', subject: 'We received your message: Threats <b>', danger: 'immediate danger' },
  es: { greeting: 'Hola, Sam:', subject: 'Hemos recibido su mensaje: Threats <b>', danger: 'peligro inmediato' },
  fr: { greeting: 'Bonjour Sam,', subject: 'Nous avons bien reçu votre message : Threats <b>', danger: 'danger immédiat' },
  de: { greeting: 'Guten Tag Sam,', subject: 'Wir haben Ihre Nachricht erhalten: Threats <b>', danger: 'unmittelbarer Gefahr' },
  ar: { greeting: 'مرحبًا Sam،', subject: 'تلقّينا رسالتك: Threats <b>', danger: 'خطر مباشر' },
  ru: { greeting: 'Здравствуйте, Sam!', subject: 'Мы получили ваше сообщение: Threats <b>', danger: 'непосредственная опасность' },
  zh: { greeting: 'Sam，您好：', subject: '我们已收到您的来信：Threats <b>', danger: '紧迫危险' },
  hi: { greeting: 'नमस्ते Sam,', subject: 'हमें आपका संदेश मिल गया है: Threats <b>', danger: 'तत्काल खतरे' },
};

describe('seeded templates', () => {
  it('has every key in every locale', () => {
    for (const locale of TEMPLATE_LOCALES) {
      expect(stored.filter((t) => t.locale === locale).map((t) => t.key).sort()).toEqual(['acknowledgement', 'page', 'reply', 'salutation', 'signature', 'sla-breach', 'sla-warning']);
    }
  });

  it.each(stored.map((t) => [t.locale, t.key, t] as const))('%s %s passes the strict check', (_locale, _key, template) => {
    expect(checkTemplate(template, templateScope(template.kind, template.key)).problems).toEqual([]);
  });

  it.each(TEMPLATE_LOCALES.map((locale) => [locale]))('%s acknowledgement: greeting, ticket number, tag, local date, signature; danger only for the emergency address', (locale) => {
    const mail = acknowledgement(locale);
    const marks = MARKS[locale]!;
    expect(mail.subject).toBe(marks.subject);
    expect(mail.text.startsWith(`${marks.greeting}\n\n`)).toBe(true);
    expect(mail.text).toContain('100007');
    expect(mail.text).toContain('[#100007]');
    expect(mail.text).toContain(formatDate('2025-03-01T12:00:00Z', 'long', locale, TIME_ZONE));
    expect(mail.text).toContain('Safety');
    expect(mail.text).not.toContain(marks.danger);
    expect(mail.text).not.toMatch(/\n\n\n|{{|}}/);
    expect(acknowledgement(locale, true).text).toContain(marks.danger);
    // The subject's text is not HTML; the HTML part escapes it.
    expect(mail.html).toMatch(new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`));
    expect(mail.html).not.toContain('<b>');
  });

  it('the Arabic acknowledgement is right to left, in HTML paragraphs', () => {
    const mail = acknowledgement('ar');
    expect(mail.html).toMatch(/<body dir="rtl"/);
    expect(mail.html).toContain('<p>مرحبًا Sam،</p>');
    expect(mail.html).toContain('<p>مع خالص التحيات،<br>\nفريق Safety</p>');
  });
});
