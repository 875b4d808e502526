import { findingOf, stronger, type Finding, type HitIndex } from './hit-index.js';
import type { LexiconHit } from './lexicon-matcher.js';

const TARGET = { before: 4, after: 5 };
const WIDE_TARGET = { before: 10, after: 12 };
const INTENT_TO_HARM_WORDS = 7;

/** Chinese is counted in characters, about two to a word elsewhere: its windows are twice as long. */
const span = (hit: LexiconHit, words: number): number => (hit.language === 'zh' ? words * 2 : words);

/**
 * Threats of violence. Level 1: a harm verb (a weak one only against a person, group or place; a
 * participle only with a norm or "you": "should be shot"), a weapon against someone, a veiled
 * threat. Level 2: the writer's own intent followed by harm ("I'm going to stab…", "we'll burn…"),
 * or a first-person threat form, not negated ("I will never…"), not quoted, not inside
 * counter-speech ("threats like …", "for saying you would …").
 */
export function threatFinding(hits: HitIndex): Finding | undefined {
  let best: Finding | undefined;
  const consider = (harm: LexiconHit, needsTarget: boolean): void => {
    if (needsTarget && !target(hits, harm)) {
      // "Execution is the only solution for those …": a norm about the harm, and its target later in the sentence.
      if (hits.nearCommon(harm, 'normative', { before: span(harm, 8), after: span(harm, 8) }) && target(hits, harm, WIDE_TARGET)) best = stronger(best, findingOf('threat', 1, harm));
      return;
    }
    const intent = ownIntent(hits, harm);
    if (intent && !harm.quoted && !countered(hits, intent) && !countered(hits, harm) && !hits.counteredBetween(intent, harm)) best = stronger(best, findingOf('threat', 2, harm, intent));
    else if (intent || !negatedHere(hits, harm)) best = stronger(best, findingOf('threat', 1, harm));
  };
  for (const harm of hits.of('threat', 'harm')) consider(harm, false);
  for (const harm of hits.of('threat', 'harm_weak')) consider(harm, true);
  for (const weapon of hits.of('threat', 'weapon')) if (ownIntent(hits, weapon)) consider(weapon, true);
  for (const fused of hits.of('threat', 'first_person_threat')) {
    const level = fused.quoted || countered(hits, fused) || hits.negated(fused) ? 1 : 2;
    best = stronger(best, findingOf('threat', level, fused));
  }
  for (const fused of hits.of('threat', 'first_person_weak')) {
    if (!target(hits, fused) && !hits.near(fused, hits.of('threat', 'weapon'), TARGET)) continue;
    const level = fused.quoted || countered(hits, fused) || hits.negated(fused) ? 1 : 2;
    best = stronger(best, findingOf('threat', level, fused));
  }
  for (const passive of hits.of('threat', 'harm_passive')) {
    const frame = hits.nearCommon(passive, 'normative', { before: span(passive, 8), after: 2 }) ?? hits.nearCommon(passive, 'second_person', { before: 5, after: 3 });
    if (frame && !hits.negated(frame, 2) && !hits.negated(passive, 4)) best = stronger(best, findingOf('threat', 1, passive, frame));
  }
  for (const veiled of hits.of('threat', 'implicit')) best = stronger(best, findingOf('threat', 1, veiled));
  return best;
}

/** A negation before the harm word; in Hindi also right after it, where it stands before the verb ("… ka balatkar nahi hone dena"). */
function negatedHere(hits: HitIndex, harm: LexiconHit): boolean {
  return hits.negated(harm, span(harm, 8)) || (harm.language === 'hi' && hits.nearCommon(harm, 'negation', { before: -1, after: 4 }) !== undefined);
}

/** Counter-speech before the words; in Hindi also the reporting verb right after them ("… kar dunga kehne ka nateeja"). */
function countered(hits: HitIndex, hit: LexiconHit): boolean {
  return hits.countered(hit) || (hit.language === 'hi' && hits.nearCommon(hit, 'counter', { before: -1, after: 3 }) !== undefined);
}

function target(hits: HitIndex, harm: LexiconHit, window = TARGET): boolean {
  return ['second_person', 'person', 'group', 'place'].some((slot) => hits.nearCommon(harm, slot as 'person', window) !== undefined);
}

/** The writer's intent shortly before the harm word in its sentence, not negated itself ("no debemos …") nor between. */
function ownIntent(hits: HitIndex, harm: LexiconHit): LexiconHit | undefined {
  const before = hits.nearCommon(harm, 'intent', { before: span(harm, INTENT_TO_HARM_WORDS), after: -1 });
  // Hindi is verb-final: the intent auxiliary follows the verb ("… maar denge", "… samapt karne ja rahe hain").
  const intent = before ?? (harm.language === 'hi' ? hits.nearCommon(harm, 'intent', { before: -1, after: 4 }) : undefined);
  if (intent && intent.start > harm.start) return hits.negatedBetween(harm, intent) ? undefined : intent;
  return intent && !hits.negatedBetween(intent, harm) && !hits.negated(intent, 1) ? intent : undefined;
}
