import { findingOf, stronger, type Finding, type HitIndex } from './hit-index.js';
import type { TriageLanguage } from './lexicon.js';
import type { LexiconHit } from './lexicon-matcher.js';

const MESSAGE = { before: 30, after: 30, sameSentence: false };

/** What a minor must be near, in its own language, for the rule to raise or page anything. */
const MINOR_CUES = ['grooming', 'sexual', 'coercion', 'danger', 'exposure'] as const;

/**
 * The languages in which a minor could decide anything: those with a cue among the hits. Only
 * there are ages worth finding (LexiconMatcher.matchAges) — elsewhere a minor is near nothing.
 */
export function languagesWithMinorCues(hits: readonly LexiconHit[]): Set<TriageLanguage> {
  const cues: readonly string[] = MINOR_CUES;
  return new Set(hits.filter((hit) => hit.category === 'child_safety' && cues.includes(hit.slot)).map((hit) => hit.language));
}

/**
 * Child safety, in the words of someone reporting it (ECPAT's Luxembourg Guidelines terms; no
 * offender vocabulary). Level 2: an explicit report term ("child sexual abuse material"), or a
 * minor together with sexual images and coercion (sextortion), with grooming conduct and an adult,
 * or with danger. Level 1: a minor with any of those cues, or with identifying details exposed.
 */
export function childSafetyFinding(hits: HitIndex): Finding | undefined {
  let best: Finding | undefined;
  for (const explicit of hits.of('child_safety', 'explicit')) {
    best = stronger(best, findingOf('child_safety', hits.negated(explicit) ? 1 : 2, explicit));
  }
  const cue = (slot: (typeof MINOR_CUES)[number], minor: LexiconHit): LexiconHit | undefined =>
    hits.near(
      minor,
      hits.of('child_safety', slot).filter((hit) => !hits.negated(hit)),
      MESSAGE,
    );
  for (const minor of hits.of('child_safety', 'minor')) {
    const grooming = cue('grooming', minor);
    const sexual = cue('sexual', minor);
    const coercion = cue('coercion', minor);
    const danger = cue('danger', minor);
    const adult = hits.near(minor, hits.of('child_safety', 'adult'), MESSAGE);
    const page = (sexual && coercion) ?? (grooming && (adult ?? (sexual || undefined))) ?? danger;
    if (page) {
      best = stronger(best, findingOf('child_safety', 2, page, minor));
      continue;
    }
    const raise = grooming ?? sexual ?? coercion ?? cue('exposure', minor);
    if (raise) best = stronger(best, findingOf('child_safety', 1, raise, minor));
  }
  return best;
}
