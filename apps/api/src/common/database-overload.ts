/**
 * Why Postgres could not take a request just now. Each is transient, caused by load rather than
 * by the request: the API answers 503 with Retry-After and logs a warning, not an error.
 */
export type DatabaseOverload = 'PoolExhausted' | 'ConnectTimeout' | 'TooManyConnections' | 'StatementTimeout';

/** pg-pool: every connection stayed busy for the whole connect timeout (DATABASE_CONNECT_TIMEOUT_MS). */
const POOL_EXHAUSTED_MESSAGE = 'timeout exceeded when trying to connect';
/** pg-pool: a new connection did not open within the connect timeout. */
const CONNECT_TIMEOUT_MESSAGE = 'Connection terminated due to connection timeout';
/** SQLSTATE too_many_connections: the server refused a new connection (max_connections). */
const TOO_MANY_CONNECTIONS = '53300';
/** SQLSTATE query_canceled: what a statement_timeout (or a cancel) ends a query with. */
const QUERY_CANCELED = '57014';

/** How far down wrappers are followed (TypeORM's QueryFailedError.driverError, Error.cause). */
const MAX_DEPTH = 5;

/**
 * The overload an error reports, or null. pg-pool's errors carry only a message; Postgres'
 * carry a SQLSTATE `code`. TypeORM hands a pool timeout through unwrapped when it checks out a
 * connection, but wraps what fails during a query in a QueryFailedError (the original in
 * `driverError`, its fields copied); pg-pool and Node chain theirs through `cause`.
 */
export function databaseOverloadOf(error: unknown, depth = 0): DatabaseOverload | null {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return null;
  const { message, code, driverError, cause } = error as { message?: unknown; code?: unknown; driverError?: unknown; cause?: unknown };
  if (message === POOL_EXHAUSTED_MESSAGE) return 'PoolExhausted';
  if (message === CONNECT_TIMEOUT_MESSAGE) return 'ConnectTimeout';
  if (code === TOO_MANY_CONNECTIONS) return 'TooManyConnections';
  if (code === QUERY_CANCELED) return 'StatementTimeout';
  return databaseOverloadOf(driverError, depth + 1) ?? databaseOverloadOf(cause, depth + 1);
}

/** What the warning says; a new kind fails to compile here. */
export function describeOverload(overload: DatabaseOverload): string {
  switch (overload) {
    case 'PoolExhausted':
      return 'no database connection came free within the connect timeout';
    case 'ConnectTimeout':
      return 'a new database connection did not open within the connect timeout';
    case 'TooManyConnections':
      return 'Postgres refused a connection: too many clients';
    case 'StatementTimeout':
      return 'a query was cancelled (statement timeout)';
    default: {
      const unhandled: never = overload;
      throw new Error(`undescribed database overload ${String(unhandled)}`);
    }
  }
}
