import pg from 'pg';
import { databaseExists, sessionCount, type TestDatabase } from './create-database.js';
import { createMigratedDatabase, createTemplateDatabase, TEMPLATE_DATABASE_ENV, testAdminUrl } from './template-database.js';

async function query<T>(db: TestDatabase, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const appliedMigrations = async (db: TestDatabase): Promise<number> =>
  (await query<{ applied: number }>(db, 'SELECT count(*)::int AS applied FROM schema_migration'))[0]!.applied;

describe('template database', () => {
  const runTemplate = process.env[TEMPLATE_DATABASE_ENV];
  const made: TestDatabase[] = [];

  afterEach(() => {
    if (runTemplate === undefined) delete process.env[TEMPLATE_DATABASE_ENV];
    else process.env[TEMPLATE_DATABASE_ENV] = runTemplate;
  });

  afterAll(async () => {
    for (const db of made.reverse()) await db.drop();
  });

  it('is made once per run by global setup, migrated, with no session left on it', async () => {
    expect(runTemplate).toMatch(/^casework_template_[0-9a-f]{12}$/);
    await expect(databaseExists(testAdminUrl(), runTemplate!)).resolves.toBe(true);
    await expect(sessionCount(testAdminUrl(), runTemplate!)).resolves.toBe(0);
  });

  it('is named afresh each time, so two runs at once never share one', async () => {
    const [first, second] = await Promise.all([createTemplateDatabase(), createTemplateDatabase()]);
    made.push(first, second);
    expect(first.name).not.toBe(second.name);
    expect(await appliedMigrations(first)).toBeGreaterThan(0);
    expect(await appliedMigrations(second)).toBe(await appliedMigrations(first));
  });

  it('is what createMigratedDatabase clones when the run names one', async () => {
    const template = await createTemplateDatabase();
    made.push(template);
    // A mark only a clone of this very template carries.
    await query(template, 'CREATE TABLE cloned_from_template ()');
    process.env[TEMPLATE_DATABASE_ENV] = template.name;
    const clone = await createMigratedDatabase();
    made.push(clone);
    await expect(query(clone, 'SELECT * FROM cloned_from_template')).resolves.toEqual([]);
  });

  it('is not needed: without one, createMigratedDatabase migrates from scratch to the same schema', async () => {
    const clone = await createMigratedDatabase();
    made.push(clone);
    delete process.env[TEMPLATE_DATABASE_ENV];
    const migrated = await createMigratedDatabase();
    made.push(migrated);
    const tables = (db: TestDatabase) => query<{ name: string }>(db, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(await appliedMigrations(migrated)).toBe(await appliedMigrations(clone));
    expect(await tables(migrated)).toEqual(await tables(clone));
  });
});
