import { GroupCommitBatcher, togetherElseOneByOne, type BatchOutcome } from './group-commit-batcher.js';

describe('GroupCommitBatcher', () => {
  it('starts a lone item at once and groups what arrives meanwhile into the next batch, in order', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new GroupCommitBatcher<number>(3, async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((): BatchOutcome => ({ ok: true }));
    });
    const first = batcher.submit(0);
    await Promise.resolve();
    expect(batches).toEqual([[0]]);
    const rest = [1, 2, 3, 4, 5].map((n) => batcher.submit(n));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('fails only the items whose outcome is an error, and every item when the batch throws', async () => {
    const batcher = new GroupCommitBatcher<number>(10, async (items) => {
      if (items.includes(99)) throw new Error('database down');
      return items.map((n): BatchOutcome => (n % 2 ? { ok: false, error: new Error(`odd ${n}`) } : { ok: true }));
    });
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('odd 1');
    await expect(batcher.submit(99)).rejects.toThrow('database down');
    await expect(batcher.submit(4)).resolves.toBeUndefined();
  });

  it('prepares the next batch while the current one is processed, and hands each batch what its own prepare returned', async () => {
    const log: string[] = [];
    const gate = () => {
      let open: () => void = () => undefined;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { opened, open: () => open() };
    };
    const prepared0 = gate();
    const processed0 = gate();
    const batcher = new GroupCommitBatcher<number, string>(
      2,
      async (items, prepared) => {
        log.push(`process ${items.join(',')} with ${prepared}`);
        if (items[0] === 0) await processed0.opened;
        return items.map((): BatchOutcome => ({ ok: true }));
      },
      async (items) => {
        log.push(`prepare ${items.join(',')}`);
        if (items[0] === 0) await prepared0.opened;
        if (items.includes(2)) throw new Error('could not load');
        return `parsed ${items.join(',')}`;
      },
    );
    const all = [0, 1, 2, 3].map((n) => batcher.submit(n));
    prepared0.open();
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    while (!log.includes('process 0 with parsed 0')) await settle();
    // Batch 0 is still being processed: 1,2 were prepared meanwhile (3 waits for the batch after).
    expect(log).toEqual(['prepare 0', 'prepare 1,2', 'process 0 with parsed 0']);
    processed0.open();
    await Promise.all(all);
    // A failed prepare leaves the work to process: it gets undefined.
    expect(log.slice(3)).toEqual(['prepare 3', 'process 1,2 with undefined', 'process 3 with parsed 3']);
  });

  it('rejects a batch size that is not a positive integer', () => {
    expect(() => new GroupCommitBatcher(0, async () => [])).toThrow('maxBatch');
  });
});

describe('togetherElseOneByOne', () => {
  it('handles the batch once when it succeeds', async () => {
    const calls: number[][] = [];
    const outcomes = await togetherElseOneByOne([1, 2, 3], async (batch) => void calls.push(batch));
    expect(calls).toEqual([[1, 2, 3]]);
    expect(outcomes).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
  });

  it('after a batch failure handles each item alone, in order, failing only the bad one', async () => {
    const calls: number[][] = [];
    const fallbacks: unknown[] = [];
    const outcomes = await togetherElseOneByOne(
      [1, 2, 3],
      async (batch) => {
        calls.push(batch);
        if (batch.includes(2)) throw new Error(`bad ${batch.join(',')}`);
      },
      (error) => fallbacks.push(error),
    );
    expect(calls).toEqual([[1, 2, 3], [1], [2], [3]]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect((outcomes[1] as { error: Error }).error.message).toBe('bad 2');
    expect(fallbacks).toHaveLength(1);
  });

  it('does not retry a lone item', async () => {
    let calls = 0;
    const outcomes = await togetherElseOneByOne([1], async () => {
      calls++;
      throw new Error('down');
    });
    expect(calls).toBe(1);
    expect(outcomes[0].ok).toBe(false);
  });
});
