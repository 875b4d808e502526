import { findingOf, stronger, type Finding, type HitIndex } from './hit-index.js';
import type { LexiconHit } from './lexicon-matcher.js';

const MESSAGE = { before: 30, after: 30, sameSentence: false };

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
  const cue = (slot: 'grooming' | 'sexual' | 'coercion' | 'danger' | 'exposure', minor: LexiconHit): LexiconHit | undefined =>
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
