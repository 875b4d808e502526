/**
 * Aho–Corasick over UTF-16 code units, for the triage lexicons: every occurrence of every
 * pattern (overlapping), in one pass, in time linear in the text plus the matches. The folded
 * text it reads (normalizeForTriage) has no combining marks left, and Devanagari signs are units
 * of their own, so code units are the graphemes that matter; word edges are checked by the caller.
 * A general-purpose library segments non-ASCII text into graphemes with Intl.Segmenter on every
 * scan, which cost several milliseconds on a 2 kB mail in Chinese or Hindi.
 */
export class CodeUnitAhoCorasick {
  /** Trie edges of each state: code unit → state. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state (own first, then those of its suffix states): outputs[offsets[s] … offsets[s + 1]). */
  private readonly outputOffsets: Int32Array;
  private readonly outputs: Int32Array;
  private readonly lengths: number[];
  /**
   * For the ASCII units the patterns use (folded text is mostly a–z and spaces), every state's
   * transition with the failure links already followed: one array read per character instead of
   * a map lookup and a walk up the failure chain. Other units take the trie and its links.
   */
  private readonly asciiColumn = new Int16Array(0x80).fill(-1);
  private readonly asciiColumns: number;
  private readonly asciiNext: Int32Array;

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((pattern) => pattern.length);
    const own: number[][] = [[]];
    patterns.forEach((pattern, index) => {
      if (pattern === '') return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        if (unit < 0x80 && this.asciiColumn[unit] === -1) this.asciiColumn[unit] = 0;
        let target = this.next[state]!.get(unit);
        if (target === undefined) {
          target = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          own.push([]);
          this.next[state]!.set(unit, target);
        }
        state = target;
      }
      own[state]!.push(index);
    });
    const order = this.linkFailures();
    const output: number[][] = own;
    for (const state of order) output[state]!.push(...output[this.fail[state]!]!);
    this.outputOffsets = new Int32Array(this.next.length + 1);
    for (let state = 0; state < this.next.length; state++) this.outputOffsets[state + 1] = this.outputOffsets[state]! + output[state]!.length;
    this.outputs = Int32Array.from(output.flat());

    let columns = 0;
    for (let unit = 0; unit < 0x80; unit++) if (this.asciiColumn[unit] === 0) this.asciiColumn[unit] = columns++;
    this.asciiColumns = columns;
    this.asciiNext = new Int32Array(this.next.length * columns);
    for (const state of [0, ...order]) {
      for (const [unit, target] of this.next[state]!) if (unit < 0x80) this.asciiNext[state * columns + this.asciiColumn[unit]!] = target;
      if (state === 0) continue;
      const fallback = this.fail[state]! * columns;
      for (let column = 0; column < columns; column++) {
        const at = state * columns + column;
        if (this.asciiNext[at] === 0) this.asciiNext[at] = this.asciiNext[fallback + column]!;
      }
    }
  }

  /** Failure links, breadth first; returns the states in that order (the root left out). */
  private linkFailures(): number[] {
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [unit, target] of this.next[state]!) {
        let fallback = this.fail[state]!;
        while (fallback !== 0 && !this.next[fallback]!.has(unit)) fallback = this.fail[fallback]!;
        const suffix = this.next[fallback]!.get(unit);
        this.fail[target] = suffix !== undefined && suffix !== target ? suffix : 0;
        queue.push(target);
      }
    }
    return queue;
  }

  /** Every occurrence, in order of its end: the pattern's index in the constructor's list and its range (end exclusive), without a record per match. */
  forEachMatch(text: string, visit: (pattern: number, start: number, end: number) => void): void {
    const { asciiColumn, asciiColumns, asciiNext, outputOffsets, outputs } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        const column = asciiColumn[unit]!;
        state = column < 0 ? 0 : asciiNext[state * asciiColumns + column]!;
      } else {
        let target = this.next[state]!.get(unit);
        while (target === undefined && state !== 0) {
          state = this.fail[state]!;
          target = this.next[state]!.get(unit);
        }
        state = target ?? 0;
      }
      for (let o = outputOffsets[state]!; o < outputOffsets[state + 1]!; o++) {
        const pattern = outputs[o]!;
        visit(pattern, i + 1 - this.lengths[pattern]!, i + 1);
      }
    }
  }
}
