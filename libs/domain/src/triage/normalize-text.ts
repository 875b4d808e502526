import {
  ARABIC_LETTER_FOLD,
  CYRILLIC_LOOKALIKE,
  LATIN_LEET,
  LATIN_LOOKALIKE,
  QUOTE_CLOSERS,
  QUOTE_OPENERS,
  QUOTE_TOGGLES,
  SENTENCE_ENDS,
  SIMPLIFIED_HAN,
  devanagariSign,
  isArabicOptionalMark,
  isCollapsibleLetter,
  isCyrillicLetter,
  isGreekLetter,
  isInvisible,
  isLatinLetter,
  isLetter,
  isTokenPart,
  isWordUnit,
} from './text-tables.js';

/**
 * Text folded for matching, with a map back to the original: the normalised code unit `i` came
 * from `original.slice(start[i], end[i])`. `sentence[i]` numbers sentences and `quoted[i]` is 1
 * inside quote marks, so rules can keep to one sentence and tell quoted words from the writer's.
 */
export interface NormalizedText {
  readonly text: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly sentence: Int32Array;
  readonly quoted: Uint8Array;
}

/** One folded character and the original range it stands for. */
interface Unit {
  ch: string;
  start: number;
  end: number;
}

/**
 * Folds text the way evasive writers vary it: case, diacritics on Latin, Cyrillic and Greek letters
 * (not Devanagari signs, which change words, nor Arabic letters, only its optional vowel marks),
 * compatibility forms (full-width, mathematical letters), Cyrillic/Greek look-alikes inside Latin
 * words and the reverse, leetspeak, zero-width characters, spaced-out letters ("k i l l",
 * "k.i.l.l"), stretched letters (every run of one letter becomes one, in patterns too) and
 * punctuation (a space). Linear in the length of the text.
 */
export function normalizeForTriage(original: string): NormalizedText {
  const units = foldCharacters(original);
  foldTokens(units);
  return assemble(units, joinableSeparators(units));
}

function foldCharacters(original: string): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const symbol of original) {
    const start = offset;
    offset += symbol.length;
    const cp = symbol.codePointAt(0)!;
    if (cp < 0x80) {
      units.push({ ch: cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : symbol, start, end: offset });
      continue;
    }
    if (isInvisible(cp) || isArabicOptionalMark(cp)) continue;
    const sign = devanagariSign(cp);
    if (sign !== undefined) {
      if (sign !== null) units.push({ ch: sign, start, end: offset });
      continue;
    }
    if (cp === 0x2019 || cp === 0x2018 || cp === 0x02bc || cp === 0x00b4 || cp === 0x2032) {
      units.push({ ch: "'", start, end: offset });
      continue;
    }
    for (const ch of foldSymbol(cp, symbol)) units.push({ ch, start, end: offset });
  }
  return units;
}

const FOLDED = new Map<number, readonly string[]>();
const FOLDED_CACHE_LIMIT = 20_000;
const MARK = /^\p{M}$/u;

/** The folded characters of one non-ASCII symbol (compatibility form, case, marks), remembered per code point. */
function foldSymbol(cp: number, symbol: string): readonly string[] {
  const known = FOLDED.get(cp);
  if (known) return known;
  const chars: string[] = [];
  for (const part of symbol.normalize('NFKD')) {
    if (MARK.test(part)) {
      const sub = devanagariSign(part.codePointAt(0)!);
      if (sub) chars.push(sub);
      continue;
    }
    for (const lower of part.toLowerCase()) {
      const folded = lower === 'ß' ? 'ss' : lower === 'ς' ? 'σ' : (ARABIC_LETTER_FOLD.get(lower) ?? SIMPLIFIED_HAN.get(lower) ?? lower);
      for (const ch of folded) chars.push(ch);
    }
  }
  if (FOLDED.size < FOLDED_CACHE_LIMIT) FOLDED.set(cp, chars);
  return chars;
}

/** Look-alikes and leetspeak are decided per word: the script most of its letters are in wins. */
function foldTokens(units: Unit[]): void {
  let i = 0;
  while (i < units.length) {
    if (!isTokenUnit(units[i]!.ch)) {
      i++;
      continue;
    }
    let j = i;
    let latin = 0;
    let cyrillic = 0;
    let other = 0;
    while (j < units.length && isTokenUnit(units[j]!.ch)) {
      const ch = units[j]!.ch;
      if (isLatinLetter(ch)) latin++;
      else if (isCyrillicLetter(ch)) cyrillic++;
      else if (isGreekLetter(ch)) other++;
      j++;
    }
    if (cyrillic > latin && latin + other > 0) {
      for (let k = i; k < j; k++) units[k]!.ch = CYRILLIC_LOOKALIKE.get(units[k]!.ch) ?? units[k]!.ch;
    } else if (latin >= cyrillic && latin > 0) {
      if (cyrillic + other > 0) for (let k = i; k < j; k++) units[k]!.ch = LATIN_LOOKALIKE.get(units[k]!.ch) ?? units[k]!.ch;
      if (j - i >= 3) foldLeet(units, i, j, latin);
    }
    i = j;
  }
}

function isTokenUnit(ch: string): boolean {
  if (ch.length !== 1) return isTokenPart(ch);
  const code = ch.charCodeAt(0);
  if (code >= 0x80) return isTokenPart(ch);
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x40 || code === 0x24 || code === 0x21 || code === 0x7c;
}

/**
 * Leet counts inside a word ("k1ll") or, once the word has two letters or an inner leet character,
 * at its edge ("5uicide", "h3ll0", "ki11"); '5pm' or '3rd' fold too, harmlessly, as no lexicon
 * word looks like them. Symbols (@ $ ! |) count only between letters, so "you!!!" stays a "you".
 * '1' is an 'l' after an l, or after a vowel before another 1, an l or the word's end ("ki11",
 * "a11", "fee1"); otherwise an 'i' ("k1ll", "su1c1de").
 */
function foldLeet(units: Unit[], from: number, to: number, letters: number): void {
  let innerLeet = false;
  for (let k = from; k < to; k++) {
    const ch = units[k]!.ch;
    if (ch !== '1' && !LATIN_LEET.has(ch)) continue;
    const isDigit = ch >= '0' && ch <= '9';
    const interior = k > from && k < to - 1 && isLeetNeighbour(units[k - 1]!.ch, isDigit) && isLeetNeighbour(units[k + 1]!.ch, isDigit);
    if (!interior && (!isDigit || (letters < 2 && !innerLeet))) continue;
    innerLeet ||= interior;
    if (ch === '1') {
      const before = k > from ? units[k - 1]!.ch : '';
      const after = k + 1 < to ? units[k + 1]!.ch : '';
      const lAfterVowel = 'aeiouy'.includes(before) && before !== '' && (after === '1' || after === 'l' || after === '');
      units[k]!.ch = before === 'l' || lAfterVowel ? 'l' : 'i';
    } else {
      units[k]!.ch = LATIN_LEET.get(ch)!;
    }
  }
}

/** A letter, or (next to a leet digit) another leet digit: "ki11". */
function isLeetNeighbour(ch: string, besideDigit: boolean): boolean {
  return isLetter(ch) || (besideDigit && /[013457]/.test(ch));
}

const SPACED_SEPARATOR = new Set([' ', '.', '-', '_', '*', '·', '•', '/', '\t']);

/**
 * Separators to drop inside runs of three or more single letters ("k i l l", "k.i.l.l", "k-i-l-l"),
 * each gap one or two separator characters.
 */
function joinableSeparators(units: Unit[]): Uint8Array {
  const drop = new Uint8Array(units.length);
  const isSingleLetter = (k: number): boolean =>
    !isWordUnit(units[k - 1]?.ch ?? ' ') && !isWordUnit(units[k + 1]?.ch ?? ' ') && isWordUnit(units[k]!.ch) && isLetter(units[k]!.ch);
  let k = 0;
  while (k < units.length) {
    if (!isSingleLetter(k)) {
      k++;
      continue;
    }
    const letters = [k];
    let next = k + 1;
    for (;;) {
      let gap = next;
      while (gap < units.length && gap - next < 2 && SPACED_SEPARATOR.has(units[gap]!.ch)) gap++;
      if (gap === next || gap >= units.length || !isSingleLetter(gap)) break;
      letters.push(gap);
      next = gap + 1;
    }
    if (letters.length >= 3) for (let m = letters[0]!; m < letters.at(-1)!; m++) if (SPACED_SEPARATOR.has(units[m]!.ch)) drop[m] = 1;
    k = letters.at(-1)! + 1;
  }
  return drop;
}

function assemble(units: Unit[], drop: Uint8Array): NormalizedText {
  // Written straight into typed arrays (one slot per UTF-16 unit, never more than the units hold).
  let capacity = 0;
  for (const unit of units) capacity += unit.ch.length;
  const codes = new Uint16Array(capacity);
  const start = new Int32Array(capacity);
  const end = new Int32Array(capacity);
  const sentence = new Int32Array(capacity);
  const quoted = new Uint8Array(capacity);
  let n = 0;
  let sentenceNo = 0;
  let inQuote = false;
  let lastLetter = '';
  let newlines = 0;
  const push = (code: number, unit: Unit): void => {
    codes[n] = code;
    start[n] = unit.start;
    end[n] = unit.end;
    sentence[n] = sentenceNo;
    quoted[n] = inQuote ? 1 : 0;
    n++;
  };
  const pushSpace = (unit: Unit): void => {
    if (n > 0 && codes[n - 1] !== 0x20) push(0x20, unit);
  };
  for (let k = 0; k < units.length; k++) {
    const unit = units[k]!;
    const ch = unit.ch;
    if (drop[k]) continue;
    if (ch === '\n') {
      if (++newlines >= 2) {
        sentenceNo++;
        inQuote = false;
      }
    } else if (ch !== '\r' && ch !== ' ' && ch !== '\t' && ch !== '>') newlines = 0;
    if (isWordUnit(ch) || isLetter(ch)) {
      if (ch === lastLetter && (isLatinLetter(ch) || isCollapsibleLetter(ch))) {
        end[n - 1] = unit.end;
        continue;
      }
      // One entry per UTF-16 unit, so an astral letter's two units both map back.
      for (let unitNo = 0; unitNo < ch.length; unitNo++) push(ch.charCodeAt(unitNo), unit);
      lastLetter = ch;
      continue;
    }
    lastLetter = '';
    if (SENTENCE_ENDS.has(ch) || (ch === '.' && (k + 1 >= units.length || /\s/.test(units[k + 1]!.ch)))) {
      pushSpace(unit);
      sentenceNo++;
      continue;
    }
    if (QUOTE_TOGGLES.has(ch)) inQuote = !inQuote;
    else if (QUOTE_OPENERS.has(ch)) inQuote = true;
    else if (QUOTE_CLOSERS.has(ch)) inQuote = false;
    pushSpace(unit);
  }
  if (n > 0 && codes[n - 1] === 0x20) n--;
  return { text: decode(codes, n), start: start.slice(0, n), end: end.slice(0, n), sentence: sentence.slice(0, n), quoted: quoted.slice(0, n) };
}

/** The first `length` UTF-16 units as a string, in chunks small enough for an argument list. */
function decode(codes: Uint16Array, length: number): string {
  let text = '';
  for (let from = 0; from < length; from += 8192) text += String.fromCharCode(...codes.subarray(from, Math.min(length, from + 8192)));
  return text;
}
