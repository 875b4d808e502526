import { GroupCommitBatcher, type BatchOutcome } from './group-commit-batcher.js';

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

  it('rejects a batch size that is not a positive integer', () => {
    expect(() => new GroupCommitBatcher(0, async () => [])).toThrow('maxBatch');
  });
});
