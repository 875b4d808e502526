/**
 * The search box's language, parsed without ever failing: words, "quoted phrases", `-word` or
 * `-"phrase"` to exclude, `from:<email>` and `tag:<slug>`. Whatever does not fit (an unbalanced
 * quote, a bare `-`, `from:` with nothing after it) is literal text. The result holds plain
 * strings only: the database turns each term into a tsquery with plainto/phraseto_tsquery from
 * a parameter, so nothing written here is ever read as tsquery or SQL syntax.
 */
export interface SearchTerm {
  text: string;
  /** Quoted: its words must appear in this order, adjacent. */
  phrase: boolean;
}

export interface ParsedSearch {
  /** Every one must match (in one document: a subject or one article). */
  include: SearchTerm[];
  /** None may match in that document. */
  exclude: SearchTerm[];
  /** Lower-cased sender addresses; a document from any of them. */
  from: string[];
  /** Lower-cased tag slugs; the ticket carries all of them. */
  tags: string[];
}

/** Terms beyond these are ignored: each costs a tsquery of eight configurations. */
export const MAX_SEARCH_TERMS = 16;
/** A longer term is cut: no word is this long, and it bounds the tsquery built from it. */
export const MAX_SEARCH_TERM_LENGTH = 200;

const OPERATOR = /^(from|tag):(.+)$/i;
/** A term the tokenizer keeps a lexeme of has a letter or a digit; `&`, `|`, `:*` alone have none. */
const SEARCHABLE = /[\p{L}\p{N}]/u;
const TAG_SLUG = /^[a-z0-9][a-z0-9_-]{0,49}$/;

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
}

/** Control characters (NUL among them, which Postgres refuses in text) separate words like spaces. */
const CONTROL = /[\u0000-\u001f\u007f]/g;

export function parseSearchQuery(input: string): ParsedSearch {
  const parsed: ParsedSearch = { include: [], exclude: [], from: [], tags: [] };
  for (const token of tokenize(input.replace(CONTROL, ' '))) {
    const operator = token.quoted || token.negated ? null : OPERATOR.exec(token.text);
    if (operator) {
      const [, name, value] = operator;
      const normalized = value.toLowerCase();
      if (name.toLowerCase() === 'from') {
        if (!parsed.from.includes(normalized)) parsed.from.push(normalized);
        continue;
      }
      if (TAG_SLUG.test(normalized)) {
        if (!parsed.tags.includes(normalized)) parsed.tags.push(normalized);
        continue;
      }
      // Not a slug: searched as the text it is.
    }
    const text = token.text.slice(0, MAX_SEARCH_TERM_LENGTH);
    if (!SEARCHABLE.test(text)) continue;
    if (parsed.include.length + parsed.exclude.length >= MAX_SEARCH_TERMS) continue;
    const term = { text, phrase: token.quoted };
    (token.negated ? parsed.exclude : parsed.include).push(term);
  }
  return parsed;
}

/** Whitespace-separated tokens; `"…"` with a closing quote is one token, an unmatched `"` a literal character. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i])) i++;
    if (i >= input.length) break;
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1])) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close > i + 1) {
        tokens.push({ text: input.slice(i + 1, close).trim(), quoted: true, negated });
        i = close + 1;
        continue;
      }
    }
    const start = i;
    while (i < input.length && !/\s/.test(input[i])) i++;
    tokens.push({ text: input.slice(start, i), quoted: false, negated });
  }
  return tokens.filter((t) => t.text.length > 0);
}

/** Whether the query can match anything: at least one included term. */
export function hasSearchTerms(parsed: ParsedSearch): boolean {
  return parsed.include.length > 0;
}
