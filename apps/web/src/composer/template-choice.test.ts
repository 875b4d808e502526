import { describe, expect, it } from 'vitest';
import type { TemplateSummary } from './composer-types';
import { parseCc } from './reply-fields';
import { BODY_MARK, chooseTemplate, fillBody, templateKeys, templatesForQueue, textWithBodyMark, wrapsText } from './template-choice';

const QUEUE = 'q-1';
let next = 0;
const template = (key: string, locale: string, extra: Partial<TemplateSummary> = {}): TemplateSummary => ({
  id: `t-${++next}`,
  key,
  locale,
  kind: 'message',
  queueId: null,
  version: 1,
  subject: 'Re: {{ticket.subject}}',
  text: '{{> salutation}}\n\n{{body}}\n\n{{> signature}}',
  html: null,
  ...extra,
});

describe('which template a reply uses', () => {
  const library = [
    template('reply', 'en'),
    template('reply', 'es'),
    template('reply', 'es', { queueId: QUEUE, text: 'override {{body}}' }),
    template('reply', 'de', { queueId: 'another-queue' }),
    template('sla-breach', 'en'),
    template('salutation', 'en', { kind: 'partial' }),
    template('thanks', 'en', { kind: 'snippet', subject: '', text: 'Thank you, {{requester.name}}.' }),
  ];
  const usable = templatesForQueue(library, QUEUE);

  it('offers messages and snippets of the ticket’s queue, never ops notices, partials or another queue’s', () => {
    expect(templateKeys(usable)).toEqual([
      { key: 'reply', kind: 'message' },
      { key: 'thanks', kind: 'snippet' },
    ]);
    expect(usable.some((t) => t.locale === 'de')).toBe(false);
  });

  it('takes the ticket’s language, its queue’s override first, as the API does', () => {
    expect(chooseTemplate(usable, 'reply', { ticketLanguage: 'es-MX' })?.text).toBe('override {{body}}');
    expect(chooseTemplate(usable, 'reply', { ticketLanguage: 'fr', queueLocale: 'es' })?.locale).toBe('es');
    expect(chooseTemplate(usable, 'reply', { ticketLanguage: 'fr' })?.locale).toBe('en');
    expect(chooseTemplate(usable, 'reply', { requested: 'en', ticketLanguage: 'es' })?.locale).toBe('en');
    expect(chooseTemplate(usable, 'nope', { ticketLanguage: 'es' })).toBeNull();
  });

  it('lays the reply into the preview where {{body}} stands', () => {
    const reply = usable.find((t) => t.key === 'reply')!;
    expect(wrapsText(reply)).toBe(true);
    expect(wrapsText({ subject: 'x', text: 'Thanks.', html: null })).toBe(false);
    const marked = textWithBodyMark(reply)!;
    expect(marked).toContain(BODY_MARK);
    expect(marked).not.toContain('{{body}}');
    expect(textWithBodyMark({ text: 'no body here' })).toBeUndefined();
    expect(fillBody(`Hola:\n\n${BODY_MARK}\n\nSafety`, 'Lo hemos borrado.')).toBe('Hola:\n\nLo hemos borrado.\n\nSafety');
  });
});

describe('the reply fields', () => {
  it('reads Cc addresses separated by commas and names the first that is none', () => {
    expect(parseCc(' a@example.org, b@example.net ,')).toEqual({ addresses: ['a@example.org', 'b@example.net'], invalid: null, tooMany: false });
    expect(parseCc('a@example.org, bob').invalid).toBe('bob');
    expect(parseCc(Array.from({ length: 21 }, (_, i) => `p${i}@example.org`).join(',')).tooMany).toBe(true);
  });
});
