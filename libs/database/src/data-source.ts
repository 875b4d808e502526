import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations/index.js';
import { installTimestamptzParser } from './timestamptz-parser.js';

export interface DataSourceOptions {
  url: string;
  /** Connection pool size per process. */
  poolSize?: number;
  applicationName?: string;
  /** How long a query waits for a free pool connection (or a new one to connect) before it fails; default 5000. */
  connectTimeoutMs?: number;
}

/** Schema changes only through migrations: never `synchronize`. */
export function createDataSource(options: DataSourceOptions): DataSource {
  installTimestamptzParser();
  return new DataSource({
    type: 'postgres',
    url: options.url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    entities: [],
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'casework',
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    },
  });
}

const MIGRATION_LOCK = 7_021_964_311; // arbitrary, fixed: one advisory lock for all migrators

/** Runs pending migrations under an advisory lock, so concurrent starts cannot race. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'casework-migrate' });
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}
