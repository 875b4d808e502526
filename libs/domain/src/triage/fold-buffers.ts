/**
 * Buffers the normaliser reuses from one text to the next. It is synchronous, so one set serves
 * every call; a mail then allocates only its result, not five working arrays the size of the
 * text. Allocation was what made triage's slow calls: each young-generation collection it set off
 * paused the router for about a millisecond, in 2 % of the mails.
 */

/** The folded characters of the text being normalised, one slot each, and the original range each stands for. */
export class FoldUnits {
  readonly ch: string[] = [];
  start = new Int32Array(4096);
  end = new Int32Array(4096);
  count = 0;

  /** Empties the buffer for a text of about `expected` units. */
  reset(expected: number): void {
    this.count = 0;
    if (this.start.length < expected) this.grow(expected);
  }

  push(ch: string, start: number, end: number): void {
    const at = this.count;
    if (at === this.start.length) this.grow(at * 2);
    this.ch[at] = ch;
    this.start[at] = start;
    this.end[at] = end;
    this.count = at + 1;
  }

  private grow(size: number): void {
    const start = new Int32Array(size);
    start.set(this.start.subarray(0, this.count));
    const end = new Int32Array(size);
    end.set(this.end.subarray(0, this.count));
    this.start = start;
    this.end = end;
  }
}

/** A reused array of at least `length` slots, the first `length` zeroed. */
export class ScratchArray<T extends Uint8Array | Uint16Array | Int32Array> {
  private array: T;

  constructor(private readonly make: (length: number) => T) {
    this.array = make(4096);
  }

  take(length: number): T {
    if (this.array.length < length) this.array = this.make(Math.max(length, this.array.length * 2));
    this.array.fill(0, 0, length);
    return this.array;
  }
}
