import { MAX_SEARCH_TERMS, parseSearchQuery, type ParsedSearch } from './search-query.js';

const words = (...texts: string[]) => texts.map((text) => ({ text, phrase: false }));
const phrase = (text: string) => ({ text, phrase: true });
const none: ParsedSearch = { include: [], exclude: [], from: [], tags: [] };

describe('parseSearchQuery', () => {
  it.each<[string, Partial<ParsedSearch>]>([
    ['threaten', { include: words('threaten') }],
    ['  doxxing   address ', { include: words('doxxing', 'address') }],
    ['"kill you" tonight', { include: [phrase('kill you'), ...words('tonight')] }],
    ['harassment -spam', { include: words('harassment'), exclude: words('spam') }],
    ['report -"test mail"', { include: words('report'), exclude: [phrase('test mail')] }],
    ['from:Rita@Example.org threat', { include: words('threat'), from: ['rita@example.org'] }],
    ['tag:Doxxing tag:event-safety leak', { include: words('leak'), tags: ['doxxing', 'event-safety'] }],
    ['tag:doxxing tag:doxxing', { tags: ['doxxing'] }],
    // A tag that cannot be a slug is text, as written.
    ['tag:a<b>', { include: words('tag:a<b>') }],
    // Unbalanced or empty quotes are literal characters.
    ['"unbalanced quote', { include: words('"unbalanced', 'quote') }],
    ['say "hello', { include: words('say', '"hello') }],
    ['""', {}],
    ['"" word', { include: words('word') }],
    // A bare operator name or dash is text (or nothing to search).
    ['from:', { include: words('from:') }],
    ['- alone', { include: words('alone') }],
    ['-"quoted" -', { exclude: [phrase('quoted')] }],
    // tsquery and SQL punctuation is kept as text for plainto_tsquery, dropped when nothing searchable is left.
    ["'); DROP TABLE ticket; --", { include: words('DROP', 'TABLE', 'ticket;') }],
    ['a & | ! :*', { include: words('a') }],
    ['!!!', {}],
    // Scripts without spaces, and Devanagari, are terms like any other.
    ['威胁 धमकी', { include: words('威胁', 'धमकी') }],
    ['"from:x@y.org"', { include: [phrase('from:x@y.org')] }],
    ['threat\u0000en\ttab', { include: words('threat', 'en', 'tab') }],
  ])('%j', (input, expected) => {
    expect(parseSearchQuery(input)).toEqual({ ...none, ...expected });
  });

  it('keeps at most MAX_SEARCH_TERMS terms and cuts long ones', () => {
    const parsed = parseSearchQuery(`${'x'.repeat(300)} ${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')}`);
    expect(parsed.include).toHaveLength(MAX_SEARCH_TERMS);
    expect(parsed.include[0].text).toHaveLength(200);
  });

  it('never throws on arbitrary input', () => {
    const alphabet = ['"', '-', ' ', 'a', ':', 'from:', 'tag:', '\\', "'", '&', '威', '\u0000', '\n'];
    for (let n = 0; n < 2000; n++) {
      const input = Array.from({ length: n % 17 }, (_, i) => alphabet[(n * 7 + i * 13) % alphabet.length]).join('');
      expect(() => parseSearchQuery(input)).not.toThrow();
    }
  });
});
