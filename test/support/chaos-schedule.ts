import type { SeededRandom } from './seeded-random.js';

/**
 * What a chaos event hits: a service SIGKILLed (and started again), a server restarted, or
 * (on a cluster) the node leading the stream SIGKILLed and started again.
 */
export type ChaosTarget = 'ingest' | 'routing' | 'template-reply' | 'notification' | 'api' | 'nats' | 'nats-leader' | 'postgres';

export interface ChaosEvent {
  /** Milliseconds after the start of the run. */
  atMs: number;
  target: ChaosTarget;
  /** Which replica of a service (1 when the suite runs one of each). */
  replica: number;
}

export interface ChaosScheduleOptions {
  /** The events are spread over [from, to) ms of the run. */
  fromMs: number;
  toMs: number;
  counts: Partial<Record<ChaosTarget, number>>;
  /** Replicas of each service: each kill picks one at random (default 1). */
  replicas?: number;
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
    // Servers have no replicas: only a service's kill picks one.
    const server = target === 'nats' || target === 'nats-leader' || target === 'postgres';
    for (const atMs of times) events.push({ atMs, target, replica: server ? 1 : 1 + Math.floor(random.next() * (options.replicas ?? 1)) });
  }
  return events.sort((a, b) => a.atMs - b.atMs);
}
