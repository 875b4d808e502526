import { QueryFailedError, type DataSource } from 'typeorm';
import { createDataSource, preparedStatement, queryPrepared } from '@casework/database';
import { createDatabase, type TestDatabase } from '@casework/devkit';

/**
 * queryPrepared on a real Postgres: the rows db.query would answer, the statement prepared on
 * the pool's connection (an ordinary query inside a transaction), errors shaped as TypeORM's,
 * and a statement whose result type a migration changed still answering.
 */
describe('queryPrepared (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  // One connection: what the pool did is seen by the next query.
  const preparedNames = async (): Promise<string[]> => (await ds.query('SELECT name FROM pg_prepared_statements ORDER BY name')).map((r: { name: string }) => r.name);

  beforeAll(async () => {
    db = await createDatabase();
    ds = createDataSource({ url: db.url, poolSize: 1 });
    await ds.initialize();
    await ds.query(`CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL, at timestamptz NOT NULL)`);
    await ds.query(`INSERT INTO item VALUES (1, 'one', '2025-01-02T03:04:05.678Z'), (2, 'two', '2025-06-30T23:59:59Z')`);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('answers the rows db.query answers, and prepares the statement once on the connection', async () => {
    const statement = preparedStatement('SELECT id, label, at FROM item WHERE id >= $1 ORDER BY id');
    const expected = await ds.query(statement.text, [1]);
    expect(await queryPrepared(ds, statement, [1])).toEqual(expected);
    expect(await queryPrepared(ds, statement, [2])).toEqual(expected.slice(1));
    expect(expected[0].at).toEqual(new Date('2025-01-02T03:04:05.678Z'));
    expect(await preparedNames()).toContain(statement.name);
  });

  it('names different texts differently', () => {
    expect(preparedStatement('SELECT 1').name).not.toBe(preparedStatement('SELECT 2').name);
    expect(preparedStatement('SELECT 1').name).toBe(preparedStatement('SELECT 1').name);
  });

  it('runs as an ordinary query inside a transaction', async () => {
    const statement = preparedStatement('SELECT label FROM item WHERE id = $1 /* in a transaction */');
    const rows = await ds.transaction((tx) => queryPrepared(tx, statement, [2]));
    expect(rows).toEqual([{ label: 'two' }]);
    expect(await preparedNames()).not.toContain(statement.name);
  });

  it('fails as TypeORM does, and the connection stays usable', async () => {
    const statement = preparedStatement('SELECT 1 / $1::int AS quotient');
    const failure = await queryPrepared(ds, statement, [0]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
    expect(await queryPrepared(ds, statement, [2])).toEqual([{ quotient: 0 }]);
  });

  it('still answers after a migration changed the type of a column it returns', async () => {
    const statement = preparedStatement('SELECT id, label FROM item WHERE id = $1');
    expect(await queryPrepared(ds, statement, [1])).toEqual([{ id: 1, label: 'one' }]);
    await ds.query(`ALTER TABLE item ALTER COLUMN label TYPE varchar(20)`);
    await ds.query(`ALTER TABLE item ALTER COLUMN id TYPE bigint`);
    // bigint comes back as a string: the new type, not the cached plan's.
    expect(await queryPrepared(ds, statement, [1])).toEqual([{ id: '1', label: 'one' }]);
    expect(await queryPrepared(ds, statement, [2])).toEqual([{ id: '2', label: 'two' }]);
  });
});
