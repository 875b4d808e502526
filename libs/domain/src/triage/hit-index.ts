import type { LexiconSlot, TriageCategory, TriageLanguage } from './lexicon.js';
import type { LexiconHit } from './lexicon-matcher.js';

/** What a category rule decided, and the folded range of the words that decided it. */
export interface Finding {
  readonly category: TriageCategory;
  readonly level: 1 | 2;
  readonly language: TriageLanguage;
  readonly start: number;
  readonly end: number;
}

/** How far apart two hits may be, in words, for a rule to read them together. */
export interface Window {
  /** Words the other hit may end before this one starts. */
  readonly before: number;
  /** Words the other hit may start after this one ends. */
  readonly after: number;
  /** Both in one sentence (default true). */
  readonly sameSentence?: boolean;
}

/**
 * The hits of one text, grouped for the rules: a category's slot in any language, a language's
 * common words, and the questions rules ask (is there an X near this hit? is it negated?).
 * Idioms are applied here: a hit inside an idiom of its category, in any language (one word can be
 * in two lexicons: "suicide" is English and French), is gone before any rule looks; common idioms
 * remove the shorter common words inside them (the negation in "毫不留情", "sin piedad").
 */
export class HitIndex {
  private readonly byKey = new Map<string, LexiconHit[]>();

  constructor(hits: readonly LexiconHit[]) {
    const idioms = hits.filter((hit) => hit.slot === 'idiom');
    for (const hit of hits) {
      if (hit.slot !== 'idiom' && idioms.some((idiom) => idiom.category === hit.category && covers(idiom, hit))) continue;
      const key = `${hit.category}:${hit.slot}`;
      const list = this.byKey.get(key);
      if (list) list.push(hit);
      else this.byKey.set(key, [hit]);
    }
  }

  /** A category's hits of one slot, every language. */
  of(category: TriageCategory, slot: LexiconSlot): readonly LexiconHit[] {
    return this.byKey.get(`${category}:${slot}`) ?? [];
  }

  /** The first hit among `candidates` of the anchor's language (or a given one) within the window. */
  near(anchor: LexiconHit, candidates: readonly LexiconHit[], window: Window): LexiconHit | undefined {
    return candidates.find((other) => other !== anchor && other.language === anchor.language && within(anchor, other, window));
  }

  /** A common-word hit of the anchor's language within the window. */
  nearCommon(anchor: LexiconHit, slot: LexiconSlot, window: Window): LexiconHit | undefined {
    return this.near(anchor, this.byKey.get(`common:${slot}`) ?? [], window);
  }

  /** A negation in the few words before the hit, in its sentence ("not", "never", "don't"). */
  negated(hit: LexiconHit, words = 3): boolean {
    return this.nearCommon(hit, 'negation', { before: words, after: -1 }) !== undefined;
  }

  /** A negation strictly between two hits of one sentence ("I will never hurt you"). */
  negatedBetween(first: LexiconHit, second: LexiconHit): boolean {
    return (this.byKey.get('common:negation') ?? []).some(
      (negation) => negation.language === first.language && negation.sentence === first.sentence && negation.start >= first.end && negation.end <= second.start,
    );
  }

  /** A reporting frame strictly between two hits of one sentence ("he must go to jail, he said «…»"). */
  counteredBetween(first: LexiconHit, second: LexiconHit): boolean {
    return (this.byKey.get('common:counter') ?? []).some(
      (counter) => counter.language === first.language && counter.sentence === first.sentence && counter.start >= first.end && counter.end <= second.start,
    );
  }

  /** Counter-speech or a reporting frame earlier in the hit's sentence ("threats like", "for saying"). */
  countered(hit: LexiconHit): boolean {
    return this.nearCommon(hit, 'counter', { before: 12, after: -1 }) !== undefined;
  }
}

/** A category's idiom overlapping the hit; a common idiom ("毫不留情") only the common words inside it, not a longer one ("跨性别" holds "性别"). */
function covers(idiom: LexiconHit, hit: LexiconHit): boolean {
  if (hit.category === 'common') return idiom.start <= hit.start && hit.end <= idiom.end && (idiom.start < hit.start || hit.end < idiom.end);
  return idiom.start < hit.end && hit.start < idiom.end;
}

function within(anchor: LexiconHit, other: LexiconHit, window: Window): boolean {
  if ((window.sameSentence ?? true) && anchor.sentence !== other.sentence) return false;
  if (other.lastWord < anchor.firstWord) return anchor.firstWord - other.lastWord <= window.before;
  if (other.firstWord > anchor.lastWord) return other.firstWord - anchor.lastWord <= window.after;
  return window.before >= 0 || window.after >= 0;
}

/** The finding of a rule for one hit, spanning from `from` (e.g. the intent) to the hit. */
export function findingOf(category: TriageCategory, level: 1 | 2, hit: LexiconHit, from: LexiconHit = hit): Finding {
  return { category, level, language: hit.language, start: Math.min(from.start, hit.start), end: Math.max(from.end, hit.end) };
}

/** The stronger of two findings; the earlier one on a tie. */
export function stronger(a: Finding | undefined, b: Finding | undefined): Finding | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.level > a.level || (b.level === a.level && b.start < a.start) ? b : a;
}
