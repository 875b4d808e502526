import { chooseReplyLocale } from './reply-locale.js';

describe('reply locale', () => {
  const templates = new Set(['en', 'de', 'pt', 'pt-BR', 'tr']);

  it.each<[string | null, string | null, ReadonlySet<string> | undefined, string]>([
    ['de', 'tr', templates, 'de'],
    [null, 'tr', templates, 'tr'],
    [null, null, templates, 'en'],
    ['ko', 'tr', templates, 'tr'],
    ['ko', 'ja', templates, 'en'],
    ['pt-BR', null, templates, 'pt-BR'],
    ['pt-PT', null, templates, 'pt'],
    ['pt_BR', null, templates, 'pt-BR'],
    ['  ', 'de', templates, 'de'],
    ['ko', 'de', undefined, 'ko'],
    [null, undefined as unknown as null, undefined, 'en'],
  ])('ticket %s, queue %s (templates %p) → %s', (ticketLanguage, queueLocale, available, expected) => {
    expect(chooseReplyLocale({ ticketLanguage, queueLocale }, available)).toBe(expected);
  });
});
