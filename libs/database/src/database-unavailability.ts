/**
 * Why Postgres could not take a request just now. Each is transient and caused by load or by
 * an outage rather than by the request: the API answers 503 with Retry-After and logs a
 * warning without a stack, not an unhandled error.
 */
export type DatabaseUnavailability = DatabaseOverload | DatabaseOutage;

/** Busy: the server is up but cannot take more work. */
export type DatabaseOverload = 'PoolExhausted' | 'ConnectTimeout' | 'TooManyConnections' | 'StatementTimeout';
/** Down: the server is not there, is shutting down or starting, or dropped the connection. */
export type DatabaseOutage = 'Unreachable' | 'ShuttingDown' | 'ConnectionLost';

/** pg-pool: every connection stayed busy for the whole connect timeout (DATABASE_CONNECT_TIMEOUT_MS). */
const POOL_EXHAUSTED_MESSAGE = 'timeout exceeded when trying to connect';
/** pg-pool: a new connection did not open within the connect timeout. */
const CONNECT_TIMEOUT_MESSAGE = 'Connection terminated due to connection timeout';
/** pg: the server closed a connection that was in use (a crash, a restart, a network cut). */
const CONNECTION_LOST_MESSAGE = 'Connection terminated unexpectedly';
/** SQLSTATE too_many_connections: the server refused a new connection (max_connections). */
const TOO_MANY_CONNECTIONS = '53300';
/** SQLSTATE query_canceled: what a statement_timeout (or a cancel) ends a query with. */
const QUERY_CANCELED = '57014';
/** SQLSTATE admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
const SHUTTING_DOWN = new Set(['57P01', '57P02', '57P03']);
/** Node socket errors: nothing listens there, or the host is not reachable. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE']);

/** How far down wrappers are followed (TypeORM's QueryFailedError.driverError, Error.cause, AggregateError.errors). */
const MAX_DEPTH = 5;

/**
 * The unavailability an error reports, or null. pg-pool's errors carry only a message;
 * Postgres' carry a SQLSTATE `code`, Node's sockets an errno `code`. TypeORM hands a pool
 * timeout through unwrapped when it checks out a connection, but wraps what fails during a
 * query in a QueryFailedError (the original in `driverError`); pg-pool and Node chain theirs
 * through `cause`, and a refused connection to "localhost" is an AggregateError (IPv4 and IPv6).
 */
export function databaseUnavailabilityOf(error: unknown, depth = 0): DatabaseUnavailability | null {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return null;
  const { message, code, driverError, cause } = error as { message?: unknown; code?: unknown; driverError?: unknown; cause?: unknown };
  if (message === POOL_EXHAUSTED_MESSAGE) return 'PoolExhausted';
  if (message === CONNECT_TIMEOUT_MESSAGE) return 'ConnectTimeout';
  if (message === CONNECTION_LOST_MESSAGE) return 'ConnectionLost';
  if (code === TOO_MANY_CONNECTIONS) return 'TooManyConnections';
  if (code === QUERY_CANCELED) return 'StatementTimeout';
  if (typeof code === 'string' && SHUTTING_DOWN.has(code)) return 'ShuttingDown';
  if (typeof code === 'string' && UNREACHABLE.has(code)) return 'Unreachable';
  const nested = error instanceof AggregateError ? error.errors : [];
  for (const inner of [driverError, cause, ...nested]) {
    const found = databaseUnavailabilityOf(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The error code a client sees: busy (`Overloaded`) or down (`DatabaseUnavailable`). */
export function responseCodeOf(kind: DatabaseUnavailability): 'Overloaded' | 'DatabaseUnavailable' {
  switch (kind) {
    case 'PoolExhausted':
    case 'ConnectTimeout':
    case 'TooManyConnections':
    case 'StatementTimeout':
      return 'Overloaded';
    case 'Unreachable':
    case 'ShuttingDown':
    case 'ConnectionLost':
      return 'DatabaseUnavailable';
  }
}

/** What the warning says; a new kind fails to compile here. */
export function describeUnavailability(kind: DatabaseUnavailability): string {
  switch (kind) {
    case 'PoolExhausted':
      return 'no database connection came free within the connect timeout';
    case 'ConnectTimeout':
      return 'a new database connection did not open within the connect timeout';
    case 'TooManyConnections':
      return 'Postgres refused a connection: too many clients';
    case 'StatementTimeout':
      return 'a query was cancelled (statement timeout)';
    case 'Unreachable':
      return 'Postgres is not reachable';
    case 'ShuttingDown':
      return 'Postgres is shutting down or starting up';
    case 'ConnectionLost':
      return 'Postgres closed a connection in use';
  }
}
