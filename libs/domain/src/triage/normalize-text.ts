import { FoldUnits, ScratchArray } from './fold-buffers.js';
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
  asciiDigitOf,
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

const UNITS = new FoldUnits();
const KINDS = new ScratchArray((n) => new Uint8Array(n));
const DROP = new ScratchArray((n) => new Uint8Array(n));
const OUT_CODES = new ScratchArray((n) => new Uint16Array(n));
const OUT_START = new ScratchArray((n) => new Int32Array(n));
const OUT_END = new ScratchArray((n) => new Int32Array(n));
const OUT_SENTENCE = new ScratchArray((n) => new Int32Array(n));
const OUT_QUOTED = new ScratchArray((n) => new Uint8Array(n));

/**
 * Folds text the way evasive writers vary it: case, diacritics on Latin, Cyrillic and Greek letters
 * (not Devanagari signs, which change words, nor Arabic letters, only its optional vowel marks),
 * compatibility forms (full-width, mathematical letters), Cyrillic/Greek look-alikes inside Latin
 * words and the reverse, leetspeak, Arabic-Indic and Devanagari digits, zero-width characters, spaced-out letters ("k i l l",
 * "k.i.l.l"), stretched letters (every run of one letter becomes one, in patterns too) and
 * punctuation (a space). Linear in the length of the text.
 */
export function normalizeForTriage(original: string): NormalizedText {
  const units = foldCharacters(original);
  foldTokens(units);
  const kinds = kindsOf(units);
  return assemble(units, kinds, joinableSeparators(units, kinds));
}

/** ASCII folded: upper case to lower, every other character itself (single-character strings are interned). */
const ASCII_FOLDED: readonly string[] = Array.from({ length: 0x80 }, (_, cp) => String.fromCharCode(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp));

function foldCharacters(original: string): FoldUnits {
  const units = UNITS;
  units.reset(original.length);
  const length = original.length;
  let offset = 0;
  while (offset < length) {
    const start = offset;
    const code = original.charCodeAt(offset);
    if (code < 0x80) {
      offset++;
      units.push(ASCII_FOLDED[code]!, start, offset);
      continue;
    }
    const cp = original.codePointAt(offset)!;
    offset += cp > 0xffff ? 2 : 1;
    if (isInvisible(cp) || isArabicOptionalMark(cp)) continue;
    const digit = asciiDigitOf(cp);
    if (digit !== undefined) {
      units.push(digit, start, offset);
      continue;
    }
    const sign = devanagariSign(cp);
    if (sign !== undefined) {
      if (sign !== null) units.push(sign, start, offset);
      continue;
    }
    if (cp === 0x2019 || cp === 0x2018 || cp === 0x02bc || cp === 0x00b4 || cp === 0x2032) {
      units.push("'", start, offset);
      continue;
    }
    for (const ch of foldSymbol(cp, original.slice(start, offset))) units.push(ch, start, offset);
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
function foldTokens(units: FoldUnits): void {
  const { ch: chs, count } = units;
  let i = 0;
  while (i < count) {
    if (!isTokenUnit(chs[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let latin = 0;
    let cyrillic = 0;
    let other = 0;
    while (j < count && isTokenUnit(chs[j]!)) {
      const ch = chs[j]!;
      const code = ch.charCodeAt(0);
      if (code < 0x80) {
        if (code >= 0x61 && code <= 0x7a) latin++;
      } else if (isLatinLetter(ch)) latin++;
      else if (isCyrillicLetter(ch)) cyrillic++;
      else if (isGreekLetter(ch)) other++;
      j++;
    }
    if (cyrillic > latin && latin + other > 0) {
      for (let k = i; k < j; k++) chs[k] = CYRILLIC_LOOKALIKE.get(chs[k]!) ?? chs[k]!;
    } else if (latin >= cyrillic && latin > 0) {
      if (cyrillic + other > 0) for (let k = i; k < j; k++) chs[k] = LATIN_LOOKALIKE.get(chs[k]!) ?? chs[k]!;
      if (j - i >= 3) foldLeet(chs, i, j, latin);
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
function foldLeet(chs: string[], from: number, to: number, letters: number): void {
  let innerLeet = false;
  for (let k = from; k < to; k++) {
    const ch = chs[k]!;
    if (ch !== '1' && !LATIN_LEET.has(ch)) continue;
    const isDigit = ch >= '0' && ch <= '9';
    const interior = k > from && k < to - 1 && isLeetNeighbour(chs[k - 1]!, isDigit) && isLeetNeighbour(chs[k + 1]!, isDigit);
    if (!interior && (!isDigit || (letters < 2 && !innerLeet))) continue;
    innerLeet ||= interior;
    if (ch === '1') {
      const before = k > from ? chs[k - 1]! : '';
      const after = k + 1 < to ? chs[k + 1]! : '';
      const lAfterVowel = 'aeiouy'.includes(before) && before !== '' && (after === '1' || after === 'l' || after === '');
      chs[k] = before === 'l' || lAfterVowel ? 'l' : 'i';
    } else {
      chs[k] = LATIN_LEET.get(ch)!;
    }
  }
}

/** A letter, or (next to a leet digit) another leet digit: "ki11". */
function isLeetNeighbour(ch: string, besideDigit: boolean): boolean {
  return isLetter(ch) || (besideDigit && /[013457]/.test(ch));
}

const SPACED_SEPARATOR = new Set([' ', '.', '-', '_', '*', '·', '•', '/', '\t']);

const WORD_UNIT = 1;
const LETTER = 2;

/** Per folded character: WORD_UNIT (isWordUnit) and LETTER (isLetter), asked once for both passes that need them. */
function kindsOf({ ch: chs, count }: FoldUnits): Uint8Array {
  const kinds = KINDS.take(count);
  for (let k = 0; k < count; k++) {
    const ch = chs[k]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) kinds[k] = code >= 0x61 && code <= 0x7a ? WORD_UNIT | LETTER : code >= 0x30 && code <= 0x39 ? WORD_UNIT : 0;
    else kinds[k] = (isWordUnit(ch) ? WORD_UNIT : 0) | (isLetter(ch) ? LETTER : 0);
  }
  return kinds;
}

/**
 * Separators to drop inside runs of three or more single letters ("k i l l", "k.i.l.l", "k-i-l-l"),
 * each gap one or two separator characters.
 */
function joinableSeparators({ ch: chs, count }: FoldUnits, kinds: Uint8Array): Uint8Array {
  const drop = DROP.take(count);
  const isSingleLetter = (k: number): boolean =>
    kinds[k] === (WORD_UNIT | LETTER) && (k === 0 || (kinds[k - 1]! & WORD_UNIT) === 0) && (k + 1 >= count || (kinds[k + 1]! & WORD_UNIT) === 0);
  let k = 0;
  while (k < count) {
    if (!isSingleLetter(k)) {
      k++;
      continue;
    }
    const letters = [k];
    let next = k + 1;
    for (;;) {
      let gap = next;
      while (gap < count && gap - next < 2 && SPACED_SEPARATOR.has(chs[gap]!)) gap++;
      if (gap === next || gap >= count || !isSingleLetter(gap)) break;
      letters.push(gap);
      next = gap + 1;
    }
    if (letters.length >= 3) for (let m = letters[0]!; m < letters.at(-1)!; m++) if (SPACED_SEPARATOR.has(chs[m]!)) drop[m] = 1;
    k = letters.at(-1)! + 1;
  }
  return drop;
}

interface FoldedArrays {
  readonly codes: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly sentence: Int32Array;
  readonly quoted: Uint8Array;
}

/** Writes slot `n`. A plain function rather than a closure: a closure over the loop's counters would keep them off the registers. */
function put(out: FoldedArrays, n: number, code: number, from: number, to: number, sentenceNo: number, quoted: boolean): void {
  out.codes[n] = code;
  out.start[n] = from;
  out.end[n] = to;
  out.sentence[n] = sentenceNo;
  out.quoted[n] = quoted ? 1 : 0;
}

function assemble(units: FoldUnits, kinds: Uint8Array, drop: Uint8Array): NormalizedText {
  const { ch: chs, count } = units;
  // Written into reused typed arrays (one slot per UTF-16 unit, never more than the units hold), copied out at the end.
  let capacity = 0;
  for (let k = 0; k < count; k++) capacity += chs[k]!.length;
  const out: FoldedArrays = {
    codes: OUT_CODES.take(capacity),
    start: OUT_START.take(capacity),
    end: OUT_END.take(capacity),
    sentence: OUT_SENTENCE.take(capacity),
    quoted: OUT_QUOTED.take(capacity),
  };
  const { codes, end } = out;
  let n = 0;
  let sentenceNo = 0;
  let inQuote = false;
  let lastLetter = '';
  let newlines = 0;
  for (let k = 0; k < count; k++) {
    const ch = chs[k]!;
    if (drop[k]) continue;
    if (ch === '\n') {
      if (++newlines >= 2) {
        sentenceNo++;
        inQuote = false;
      }
    } else if (ch !== '\r' && ch !== ' ' && ch !== '\t' && ch !== '>') newlines = 0;
    if (kinds[k] !== 0) {
      if (ch === lastLetter && (isLatinLetter(ch) || isCollapsibleLetter(ch))) {
        end[n - 1] = units.end[k]!;
        continue;
      }
      // One entry per UTF-16 unit, so an astral letter's two units both map back.
      for (let unitNo = 0; unitNo < ch.length; unitNo++) put(out, n++, ch.charCodeAt(unitNo), units.start[k]!, units.end[k]!, sentenceNo, inQuote);
      lastLetter = ch;
      continue;
    }
    lastLetter = '';
    // Anything else is one space; a sentence end counts after its space, a quote mark before it.
    let endsSentence = false;
    if (ch !== ' ') {
      if (SENTENCE_ENDS.has(ch) || (ch === '.' && (k + 1 >= count || /\s/.test(chs[k + 1]!)))) endsSentence = true;
      else if (QUOTE_TOGGLES.has(ch)) inQuote = !inQuote;
      else if (QUOTE_OPENERS.has(ch)) inQuote = true;
      else if (QUOTE_CLOSERS.has(ch)) inQuote = false;
    }
    if (n > 0 && codes[n - 1] !== 0x20) put(out, n++, 0x20, units.start[k]!, units.end[k]!, sentenceNo, inQuote);
    if (endsSentence) sentenceNo++;
  }
  if (n > 0 && codes[n - 1] === 0x20) n--;
  return { text: decode(codes, n), start: out.start.slice(0, n), end: end.slice(0, n), sentence: out.sentence.slice(0, n), quoted: out.quoted.slice(0, n) };
}

/**
 * The first `length` UTF-16 units as a string. The folded text never holds a lone surrogate (an
 * astral letter is written as its pair, anything else unpaired becomes a space), so decoding
 * them as UTF-16 changes nothing.
 */
const UTF16 = new TextDecoder('utf-16le');
function decode(codes: Uint16Array, length: number): string {
  return UTF16.decode(codes.subarray(0, length));
}
