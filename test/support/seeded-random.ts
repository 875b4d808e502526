/**
 * A small seeded PRNG (mulberry32) for tests and benches that must be replayable: the same
 * seed gives the same messages and the same schedule of faults.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A fresh 32-bit seed from the clock and Math.random, for runs that were not given one. */
  static freshSeed(): number {
    return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Lower-case letters and digits. */
  token(length: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(this.next() * alphabet.length)];
    return text;
  }
}

/** The seed named by an environment variable (decimal or 0x hex), else a fresh one. */
export function seedFromEnv(name: string): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return SeededRandom.freshSeed();
  const seed = Number(value.trim());
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`${name} must be an integer between 0 and 4294967295, got ${JSON.stringify(value)}`);
  return seed;
}
