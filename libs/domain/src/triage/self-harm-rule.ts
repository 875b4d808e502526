import { findingOf, stronger, type Finding, type HitIndex } from './hit-index.js';
import type { LexiconHit } from './lexicon-matcher.js';

/** A plan, time or method is read across the mail's sentences ("I've picked the bridge. Friday…"). */
const MESSAGE = { before: 40, after: 40, sameSentence: false };
/** A time counts nearer the act: mail is full of "today" and "now". */
const NEARBY = { before: 12, after: 12, sameSentence: false };

/**
 * Suicide and self-harm. Level 1: any sign (ideation, "suicidal", "better off without me"), the
 * act named ("kill myself", "end his life"), or an act that needs a means next to one ("jump" by a
 * "bridge"). Level 2: the act, not negated or quoted, with a method, a plan or a time in the mail
 * ("tonight", "I've decided", "pills") — first person, or reported about someone else — unless
 * framed as a thought ("thinking about killing myself").
 */
export function selfHarmFinding(hits: HitIndex): Finding | undefined {
  let best: Finding | undefined;
  const means = hits.of('self_harm', 'means').filter((hit) => !hits.negated(hit));
  const plans = hits.of('self_harm', 'plan').filter((hit) => !hits.negated(hit));
  const concrete = (act: LexiconHit): LexiconHit | undefined =>
    hits.near(act, plans, MESSAGE) ?? hits.nearCommon(act, 'time', NEARBY) ?? hits.near(act, means, MESSAGE);
  const thought = (act: LexiconHit): boolean => hits.near(act, hits.of('self_harm', 'ideation'), { before: 4, after: -1 }) !== undefined;
  for (const sign of hits.of('self_harm', 'sign')) best = stronger(best, findingOf('self_harm', 1, sign));
  for (const act of hits.of('self_harm', 'self_act')) {
    const detail = act.quoted || hits.negated(act) || thought(act) ? undefined : concrete(act);
    best = stronger(best, detail ? findingOf('self_harm', 2, act) : findingOf('self_harm', 1, act));
  }
  for (const act of hits.of('self_harm', 'act_needing_means')) {
    const method = hits.near(act, means, MESSAGE);
    if (!method || hits.negated(act)) continue;
    const decided = hits.near(act, plans, MESSAGE) ?? hits.nearCommon(act, 'time', NEARBY) ?? hits.nearCommon(act, 'intent', { before: 4, after: -1 });
    best = stronger(best, findingOf('self_harm', decided && !act.quoted ? 2 : 1, act));
  }
  return best;
}
