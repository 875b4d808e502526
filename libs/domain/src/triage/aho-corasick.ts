/**
 * Aho–Corasick over UTF-16 code units, for the triage lexicons: every occurrence of every
 * pattern (overlapping), in one pass, in time linear in the text plus the matches. The folded
 * text it reads (normalizeForTriage) has no combining marks left, and Devanagari signs are units
 * of their own, so code units are the graphemes that matter; word edges are checked by the caller.
 * A general-purpose library segments non-ASCII text into graphemes with Intl.Segmenter on every
 * scan, which cost several milliseconds on a 2 kB mail in Chinese or Hindi.
 */
export interface CodeUnitMatch {
  /** Index of the pattern in the constructor's list. */
  readonly pattern: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export class CodeUnitAhoCorasick {
  /** Transitions of each state: code unit → state. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state, own first, then those of its suffix states. */
  private readonly output: number[][] = [[]];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((pattern) => pattern.length);
    patterns.forEach((pattern, index) => {
      if (pattern === '') return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        let target = this.next[state]!.get(unit);
        if (target === undefined) {
          target = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.output.push([]);
          this.next[state]!.set(unit, target);
        }
        state = target;
      }
      this.output[state]!.push(index);
    });
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [unit, target] of this.next[state]!) {
        let fallback = this.fail[state]!;
        while (fallback !== 0 && !this.next[fallback]!.has(unit)) fallback = this.fail[fallback]!;
        const suffix = this.next[fallback]!.get(unit);
        this.fail[target] = suffix !== undefined && suffix !== target ? suffix : 0;
        this.output[target]!.push(...this.output[this.fail[target]!]!);
        queue.push(target);
      }
    }
  }

  /** Every occurrence, in order of its end. */
  search(text: string): CodeUnitMatch[] {
    const matches: CodeUnitMatch[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let target = this.next[state]!.get(unit);
      while (target === undefined && state !== 0) {
        state = this.fail[state]!;
        target = this.next[state]!.get(unit);
      }
      state = target ?? 0;
      for (const pattern of this.output[state]!) matches.push({ pattern, start: i + 1 - this.lengths[pattern]!, end: i + 1 });
    }
    return matches;
  }
}
