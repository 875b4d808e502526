import { findingOf, stronger, type Finding, type HitIndex } from './hit-index.js';
import type { LexiconHit } from './lexicon-matcher.js';

const DISCLOSURE = { before: 12, after: 12 };

/**
 * Doxxing. Level 1: a doxxing phrase ("doxxed", "knows where I live"), or a publishing verb near
 * a kind of personal data ("posted … my home address"), unless the writer speaks of their own
 * data or slip ("I posted my …", "by mistake"). Level 2: that, with personal data actually in the
 * mail (`hasPersonalData`: a phone number, street address, ID number, IBAN, e-mail or IP address).
 */
export function doxxingFinding(hits: HitIndex, hasPersonalData: boolean): Finding | undefined {
  let best: Finding | undefined;
  const level = hasPersonalData ? 2 : 1;
  const ownData = hits.of('doxxing', 'own_data');
  const own = (hit: LexiconHit): boolean => hits.near(hit, ownData, { before: 6, after: 6 }) !== undefined;
  for (const direct of hits.of('doxxing', 'direct')) if (!hits.negated(direct) && !own(direct)) best = stronger(best, findingOf('doxxing', level, direct));
  const data = hits.of('doxxing', 'personal_data');
  for (const disclose of hits.of('doxxing', 'disclose')) {
    const what = hits.near(disclose, data, DISCLOSURE);
    if (what && !hits.negated(disclose) && !own(disclose)) best = stronger(best, findingOf('doxxing', level, what, disclose));
  }
  return best;
}
