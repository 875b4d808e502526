/**
 * Events a JetStream handler that feeds a GroupCommitBatcher takes at once (its `concurrency`):
 * enough for the next batch to fill while one commits.
 */
export const GROUP_COMMIT_IN_FLIGHT = 128;

/** How one submitted item fared in its batch. */
export type BatchOutcome = { ok: true } | { ok: false; error: unknown };

interface Waiting<T> {
  item: T;
  settle: (outcome: BatchOutcome) => void;
}

/**
 * Group commit for event handlers: items submitted while a batch is being processed wait and
 * form the next batch (up to `maxBatch`, in submission order). An idle batcher starts at once,
 * so a lone event is not delayed; under load one transaction carries many events. Batches are
 * processed one at a time, so a later batch sees everything an earlier one committed.
 *
 * With `prepare`, each batch has a first stage that must not depend on the batches before it
 * (loading, parsing): the next batch is formed and prepared while the current one is processed.
 * `process` gets what `prepare` returned, or undefined when it failed (and then does that work
 * itself).
 */
export class GroupCommitBatcher<T, P = never> {
  private readonly waiting: Waiting<T>[] = [];
  private running = false;

  constructor(
    private readonly maxBatch: number,
    /** Processes a batch; returns one outcome per item, in order (a throw fails them all). */
    private readonly process: (items: T[], prepared: P | undefined) => Promise<BatchOutcome[]>,
    private readonly prepare?: (items: T[]) => Promise<P>,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error('maxBatch must be a positive integer');
  }

  /** Resolves when the item's batch has been processed; rejects with the item's own error. */
  async submit(item: T): Promise<void> {
    const outcome = await new Promise<BatchOutcome>((settle) => {
      this.waiting.push({ item, settle });
      void this.drain();
    });
    if (!outcome.ok) throw outcome.error;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.nextBatch(); next; ) {
        const { batch, items, prepared } = next;
        const ready = await prepared;
        // The next batch is prepared while this one is processed.
        next = this.nextBatch();
        let outcomes: BatchOutcome[];
        try {
          outcomes = await this.process(items, ready);
        } catch (error) {
          outcomes = batch.map(() => ({ ok: false, error }));
        }
        batch.forEach((entry, i) => entry.settle(outcomes[i] ?? { ok: false, error: new Error('batch returned no outcome for this item') }));
        next ??= this.nextBatch();
      }
    } finally {
      this.running = false;
    }
  }

  private nextBatch(): { batch: Waiting<T>[]; items: T[]; prepared: Promise<P | undefined> } | null {
    if (this.waiting.length === 0) return null;
    const batch = this.waiting.splice(0, this.maxBatch);
    const items = batch.map((entry) => entry.item);
    const prepared = this.prepare ? this.prepare(items).catch(() => undefined) : Promise.resolve(undefined);
    return { batch, items, prepared };
  }
}

/**
 * Handles a batch as a whole; when that throws, each item alone, in order, so one bad item (a
 * message the database refuses, a ticket that does not exist) costs the others nothing. One
 * outcome per item; `onFallback` hears why the batch as a whole failed.
 */
export async function togetherElseOneByOne<T>(items: T[], handle: (batch: T[]) => Promise<void>, onFallback?: (error: unknown) => void): Promise<BatchOutcome[]> {
  try {
    await handle(items);
    return items.map(() => ({ ok: true }));
  } catch (error) {
    if (items.length === 1) return [{ ok: false, error }];
    onFallback?.(error);
    const outcomes: BatchOutcome[] = [];
    for (const item of items) {
      try {
        await handle([item]);
        outcomes.push({ ok: true });
      } catch (itemError) {
        outcomes.push({ ok: false, error: itemError });
      }
    }
    return outcomes;
  }
}
