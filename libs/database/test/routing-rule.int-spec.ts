import type { DataSource } from 'typeorm';
import { createDataSource, RoutingRuleRepository } from '@casework/database';
import { createMigratedDatabase, type TestDatabase } from '@casework/devkit';
import type { RuleInput } from '@casework/domain';

const rule = (name: string, position: number, enabled = true): RuleInput => ({
  name,
  position,
  enabled,
  when: { field: 'subject', op: 'contains', value: name },
  then: [{ type: 'addTags', tags: [name] }],
});

/** Routing rules on a private database: order, the set's version, and the router's cheap reload. */
describe('RoutingRuleRepository (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const rules = new RoutingRuleRepository();

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = createDataSource({ url: db.url, poolSize: 3, applicationName: 'routing-rule-int-test' });
    await ds.initialize();
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('stores rules, lists them by position and reads the definition back as written', async () => {
    expect(await rules.nextPosition(ds)).toBe(0);
    const b = await rules.create(ds, rule('b', 20), null);
    const a = await rules.create(ds, rule('a', 10), null);
    expect((await rules.list(ds)).map((r) => r.name)).toEqual(['a', 'b']);
    expect(await rules.nextPosition(ds)).toBe(30);
    expect(await rules.find(ds, b.id)).toMatchObject({ ...rule('b', 20), id: b.id, createdBy: null });

    const replaced = await rules.replace(ds, a.id, { ...rule('a2', 30), enabled: false });
    expect(replaced).toMatchObject({ name: 'a2', position: 30, enabled: false, when: { value: 'a2' } });
    expect(replaced!.updatedAt.getTime()).toBeGreaterThanOrEqual(a.updatedAt.getTime());
    expect((await rules.list(ds)).map((r) => r.name)).toEqual(['b', 'a2']);
    expect(await rules.replace(ds, '00000000-0000-4000-8000-000000000000', rule('x', 1))).toBeNull();

    expect((await rules.delete(ds, a.id))?.name).toBe('a2');
    expect(await rules.delete(ds, a.id)).toBeNull();
    expect((await rules.list(ds)).map((r) => r.name)).toEqual(['b']);
  });

  it('bumps the version on every change, and the router reloads only then', async () => {
    const first = await rules.loadEnabled(ds);
    expect(await rules.loadEnabledIfChanged(ds, first)).toBe(first);

    const off = await rules.create(ds, rule('off', 5, false), null);
    const second = await rules.loadEnabledIfChanged(ds, first);
    expect(second).not.toBe(first);
    expect(BigInt(second.version)).toBeGreaterThan(BigInt(first.version));
    // Disabled rules are not loaded; the rest come in evaluation order without bookkeeping fields.
    expect(second.rules.map((r) => r.name)).toEqual(['b']);
    expect(Object.keys(second.rules[0]).sort()).toEqual(['enabled', 'id', 'name', 'position', 'then', 'when']);

    await rules.replace(ds, off.id, rule('on', 5));
    const third = await rules.loadEnabledIfChanged(ds, second);
    expect(third.rules.map((r) => r.name)).toEqual(['on', 'b']);
    await rules.delete(ds, off.id);
    expect((await rules.loadEnabledIfChanged(ds, third)).rules.map((r) => r.name)).toEqual(['b']);
  });

  it('orders writers by commit: a transaction changing the rules holds the version until it ends', async () => {
    const before = await rules.version(ds);
    await ds.transaction(async (tx) => {
      await rules.create(tx, rule('pending', 1), null);
      // Outside the transaction the change (and its version) is not there yet.
      expect(await rules.version(ds)).toBe(before);
    });
    expect(BigInt(await rules.version(ds))).toBe(BigInt(before) + 1n);
  });

  it('answers an empty set with its version', async () => {
    for (const r of await rules.list(ds)) await rules.delete(ds, r.id);
    const empty = await rules.loadEnabled(ds);
    expect(empty.rules).toEqual([]);
    expect(empty.version).toBe(await rules.version(ds));
  });
});
