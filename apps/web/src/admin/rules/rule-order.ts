import type { Rule } from '../config-types';

/** Positions far enough apart that a rule can later go between two without renumbering. */
export const POSITION_STEP = 10;
/** The highest position PUT /rules/:id takes (RuleInputDto). */
export const MAX_POSITION = 1_000_000;

export interface PositionChange {
  rule: Rule;
  position: number;
}

/**
 * The writes that move the rule at `from` to `to` of `rules`, given in evaluation order (the API's:
 * ascending position, ties by id). Every position written leaves the new order strictly
 * ascending, so it never rests on the id tie-break:
 * - where a whole number lies strictly between the rule's new neighbours (or below the first, down
 *   to 0, or above the last), only the moved rule is written: one PUT, so the router never sees a
 *   move half done;
 * - else (neighbours adjacent or tied, the first at 0) the list is spread out again POSITION_STEP
 *   apart from 0 — the spacing POST gives rules — writing only the rules whose position changes.
 */
export function planMove(rules: readonly Rule[], from: number, to: number): PositionChange[] {
  if (from === to || from < 0 || from >= rules.length || to < 0 || to >= rules.length) return [];
  const order = [...rules];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const slot = positionBetween(order[to - 1]?.position, order[to + 1]?.position);
  if (slot !== null) return [{ rule: moved, position: slot }];
  return order.map((rule, index) => ({ rule, position: index * POSITION_STEP })).filter(({ rule, position }) => rule.position !== position);
}

/** A free position strictly between two (either may be absent: an end of the list), or null when there is none. */
function positionBetween(low: number | undefined, high: number | undefined): number | null {
  const lowest = low === undefined ? 0 : low + 1;
  const highest = high === undefined ? MAX_POSITION : high - 1;
  if (lowest > highest) return null;
  if (low === undefined) return high === undefined ? null : Math.max(lowest, high - POSITION_STEP);
  if (high === undefined) return Math.min(highest, low + POSITION_STEP);
  return Math.floor((low + high) / 2);
}
