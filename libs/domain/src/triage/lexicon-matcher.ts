import { CodeUnitAhoCorasick } from './aho-corasick.js';
import type { CategoryLexicon, CommonLexicon, LexiconSlot, TriageCategory, TriageLanguage } from './lexicon.js';
import { normalizeForTriage, type NormalizedText } from './normalize-text.js';
import { devanagariSign, isWordUnit } from './text-tables.js';

/** Where a lexicon word was found, in folded-text coordinates. */
export interface LexiconHit {
  readonly language: TriageLanguage;
  readonly category: TriageCategory | 'common';
  readonly slot: LexiconSlot;
  /** Folded-text UTF-16 range, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Word numbers of the first and last word (a Han character counts as a word). */
  readonly firstWord: number;
  readonly lastWord: number;
  readonly sentence: number;
  readonly quoted: boolean;
}

interface Entry {
  language: TriageLanguage;
  category: TriageCategory | 'common';
  slot: LexiconSlot;
  edgeLeft: boolean;
  edgeRight: boolean;
}

type AnyLexicon = CommonLexicon | CategoryLexicon<TriageCategory>;

/**
 * Every lexicon of every language compiled into one Aho–Corasick automaton, so a text is scanned
 * once whatever its language (mail mixes languages and quotes). Word edges are checked after the
 * scan: in Latin, Cyrillic, Greek, Arabic and Devanagari words a pattern must not start or end
 * inside a longer word unless it says so; Han has no spaces and needs none.
 */
export class LexiconMatcher {
  private readonly automaton: CodeUnitAhoCorasick;
  private readonly entries: Entry[] = [];
  private readonly minorAges: { language: TriageLanguage; pattern: RegExp }[] = [];

  constructor(lexicons: readonly AnyLexicon[]) {
    const patterns: string[] = [];
    for (const lexicon of lexicons) {
      const category = 'category' in lexicon ? lexicon.category : 'common';
      for (const [slot, words] of Object.entries(lexicon.slots) as [LexiconSlot, readonly string[]][]) {
        for (const word of words) {
          const { folded, edgeLeft, edgeRight } = parsePattern(word, lexicon.boundaries);
          if (folded === '') continue;
          patterns.push(folded);
          this.entries.push({ language: lexicon.language, category, slot, edgeLeft, edgeRight });
        }
      }
      for (const age of lexicon.minorAge ?? []) this.minorAges.push({ language: lexicon.language, pattern: new RegExp(foldDevanagari(age), 'gu') });
    }
    this.automaton = new CodeUnitAhoCorasick(patterns);
  }

  /** The lexicon words in the text; ages are asked for apart (matchAges). */
  match(folded: NormalizedText): LexiconHit[] {
    const { text } = folded;
    const hits: LexiconHit[] = [];
    const hit = hitMaker(folded);
    this.automaton.forEachMatch(text, (pattern, start, end) => {
      const entry = this.entries[pattern]!;
      if (entry.edgeLeft && start > 0 && isWordUnit(text[start - 1]!) && isWordUnit(text[start]!)) return;
      if (entry.edgeRight && end < text.length && isWordUnit(text[end]!) && isWordUnit(text[end - 1]!)) return;
      hits.push(hit(entry, start, end));
    });
    return hits;
  }

  /**
   * Ages under 18 ("12 years old", "ей 14"), as child-safety `minor` hits, for the languages asked:
   * the expressions are many and each scans the whole text, so triage asks only for languages
   * whose ages its rule could use.
   */
  matchAges(folded: NormalizedText, languages: ReadonlySet<TriageLanguage>): LexiconHit[] {
    const { text } = folded;
    const hits: LexiconHit[] = [];
    // Ages need a digit: most short mails have none.
    if (languages.size === 0 || !/\d/.test(text)) return hits;
    const hit = hitMaker(folded);
    for (const { language, pattern } of this.minorAges) {
      if (!languages.has(language)) continue;
      pattern.lastIndex = 0;
      for (const age of text.matchAll(pattern)) {
        if (Number(age[1]) < 18 && age[0].length > 0) hits.push(hit({ language, category: 'child_safety', slot: 'minor' }, age.index, age.index + age[0].length));
      }
    }
    return hits;
  }
}

/** Word numbers of a folded text, computed when its first hit is recorded, once for its words and its ages. */
const WORD_NUMBERS = new WeakMap<NormalizedText, Int32Array>();

function wordNumbersOf(folded: NormalizedText): Int32Array {
  let words = WORD_NUMBERS.get(folded);
  if (!words) WORD_NUMBERS.set(folded, (words = wordNumbers(folded.text)));
  return words;
}

/** A hit's record in the folded text's coordinates. */
function hitMaker(folded: NormalizedText): (entry: Omit<Entry, 'edgeLeft' | 'edgeRight'>, start: number, end: number) => LexiconHit {
  let words: Int32Array | undefined;
  return (entry, start, end) => {
    words ??= wordNumbersOf(folded);
    return {
      language: entry.language,
      category: entry.category,
      slot: entry.slot,
      start,
      end,
      firstWord: words[start]!,
      lastWord: words[end - 1]!,
      sentence: folded.sentence[start]!,
      quoted: folded.quoted[start] === 1 || folded.quoted[end - 1] === 1,
    };
  };
}

/** Devanagari signs in an age expression folded like the text ("साल" → its private-use signs), so the expression can match. */
function foldDevanagari(source: string): string {
  return source.replace(/[\u0900-\u097f]/gu, (ch) => {
    const sign = devanagariSign(ch.codePointAt(0)!);
    return sign === undefined ? ch : (sign ?? '');
  });
}

function parsePattern(word: string, boundaries: 'word' | 'open'): { folded: string; edgeLeft: boolean; edgeRight: boolean } {
  let core = word;
  let edgeLeft = boundaries === 'word';
  let edgeRight = boundaries === 'word';
  if (boundaries === 'word') {
    if (core.startsWith('*')) [core, edgeLeft] = [core.slice(1), false];
    if (core.endsWith('*')) [core, edgeRight] = [core.slice(0, -1), false];
  } else {
    if (core.startsWith('<')) [core, edgeLeft] = [core.slice(1), true];
    if (core.endsWith('>')) [core, edgeRight] = [core.slice(0, -1), true];
  }
  return { folded: normalizeForTriage(core).text, edgeLeft, edgeRight };
}

/** The word each folded code unit belongs to; spaces belong to the word before them. */
function wordNumbers(text: string): Int32Array {
  const numbers = new Int32Array(text.length);
  let word = -1;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) inWord = false;
    else {
      // ASCII as isWordUnit answers it, without making a one-character string.
      const wordUnit = code < 0x80 ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) : isWordUnit(text[i]!);
      if (!inWord || !wordUnit) {
        word++;
        inWord = wordUnit;
      }
    }
    numbers[i] = Math.max(word, 0);
  }
  return numbers;
}
