import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Db } from './db.js';

/** SQLSTATE feature_not_supported: "cached plan must not change result type" (a migration changed a column the statement returns). */
const CACHED_PLAN_CHANGED = '0A000';

/** A statement of fixed text, to be run with `queryPrepared`. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * A fixed statement for `queryPrepared`, named by a hash of its text so that two texts never
 * share a name. Only for statements whose best plan does not depend on their parameters'
 * values (look-ups by a key): after five runs Postgres may keep one generic plan for all values.
 */
export function preparedStatement(text: string): PreparedStatement {
  return { name: `cw_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

/**
 * Runs `statement` and answers its rows, as `db.query` would. From the pool (`db` a DataSource)
 * it runs as a named prepared statement: each connection parses and plans it once instead of on
 * every call, and its text is not sent again; per request that saves the API encoding the text
 * and Postgres the planning (a ticket's read spent more time planned than executed). Inside a
 * transaction (an EntityManager) it is an ordinary query. Errors come as TypeORM's do: a failed
 * query as a QueryFailedError with the pg error as `driverError`, a failed check-out as is.
 */
export async function queryPrepared<Row = Record<string, unknown>>(db: Db, statement: PreparedStatement, params: unknown[]): Promise<Row[]> {
  const pool = poolOf(db);
  if (!pool) return db.query(statement.text, params);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const result = await client.query({ name: statement.name, text: statement.text, values: params });
    return result.rows as Row[];
  } catch (error) {
    if ((error as { code?: unknown }).code === CACHED_PLAN_CHANGED) {
      // This connection's plan is stale for good: drop the connection (and its statements) and answer from a plain query.
      broken = error as Error;
      return db.query(statement.text, params);
    }
    throw new QueryFailedError(statement.text, params, error as Error);
  } finally {
    // A connection that died is not returned to service by release(): pg-pool drops a client that is no longer queryable.
    client.release(broken);
  }
}

/** The pg pool behind a DataSource of the postgres driver; null for a transaction's EntityManager or another driver. */
function poolOf(db: Db): Pool | null {
  if (!(db instanceof DataSource) || !db.isInitialized || db.options.type !== 'postgres') return null;
  const master = (db.driver as { master?: Pool }).master;
  return master && typeof master.connect === 'function' ? master : null;
}
