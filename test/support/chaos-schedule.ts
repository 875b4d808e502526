import type { SeededRandom } from './seeded-random.js';

/** What a chaos event hits: a service SIGKILLed (and started again), or a server restarted. */
export type ChaosTarget = 'ingest' | 'routing' | 'template-reply' | 'nats' | 'postgres';

export interface ChaosEvent {
  /** Milliseconds after the start of the run. */
  atMs: number;
  target: ChaosTarget;
}

export interface ChaosScheduleOptions {
  /** The events are spread over [from, to) ms of the run. */
  fromMs: number;
  toMs: number;
  counts: Record<ChaosTarget, number>;
}

/**
 * Random moments for the faults, uniformly over the window and sorted; the same seed gives
 * the same schedule. Events on one target are at least `minGapMs` apart so a service is
 * killed again only after it could have come back.
 */
export function chaosSchedule(random: SeededRandom, options: ChaosScheduleOptions, minGapMs = 8000): ChaosEvent[] {
  const events: ChaosEvent[] = [];
  for (const [target, count] of Object.entries(options.counts) as [ChaosTarget, number][]) {
    const times: number[] = [];
    for (let attempt = 0; times.length < count; attempt++) {
      const at = options.fromMs + random.next() * (options.toMs - options.fromMs);
      // Give up on the spacing rather than loop forever when the window is too short for it.
      if (attempt < 1000 && times.some((t) => Math.abs(t - at) < minGapMs)) continue;
      times.push(Math.round(at));
    }
    for (const atMs of times) events.push({ atMs, target });
  }
  return events.sort((a, b) => a.atMs - b.atMs);
}
