import type { QueryRunner } from 'typeorm';
import { pollUntil } from '@casework/devkit';
import type { ErrorResponseDto } from '../src/common/error-response.dto.js';
import { ApiFixture, type SeededTicket } from './api-fixture.js';
import { jsonLogLines } from './log-lines.js';

const POOL_SIZE = 2;
const CONNECT_TIMEOUT_MS = 500;

interface LogLine {
  level: number;
  msg: string;
  overload?: string;
  err?: unknown;
}

/**
 * The API on a pool of two connections, both held by requests waiting on a table lock the
 * test keeps: a third request finds no connection within DATABASE_CONNECT_TIMEOUT_MS and is
 * answered 503 with Retry-After in the usual error shape, logged once as an overload warning
 * (pg-pool's "timeout exceeded when trying to connect" used to be an unhandled 500).
 */
describe('api under database overload (built process, pool of 2)', () => {
  const app = new ApiFixture();
  let ticket: SeededTicket;
  let lock: QueryRunner | undefined;

  const logLines = (): LogLine[] => jsonLogLines<LogLine>(app.api);

  beforeAll(async () => {
    await app.start({ DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS) });
    ticket = await app.seedTicket('Overload report', 1);
  }, 90_000);

  afterAll(async () => {
    await lock?.release().catch(() => undefined);
    await app.stop();
  }, 60_000);

  it('answers 503 with Retry-After while every connection is busy, then recovers', async () => {
    expect((await app.request(`/tickets/${ticket.id}`)).status).toBe(200);

    lock = app.ds.createQueryRunner();
    await lock.startTransaction();
    await lock.query('LOCK TABLE ticket IN ACCESS EXCLUSIVE MODE');
    // Two requests take both connections and wait on the lock.
    const held = [app.request(`/tickets/${ticket.id}`), app.request('/tickets?limit=5')];
    await pollUntil(
      async () => {
        const [{ waiting }] = await app.ds.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'casework-api' AND wait_event_type = 'Lock'`,
        );
        if (waiting !== POOL_SIZE) throw new Error(`${waiting} of ${POOL_SIZE} waiting`);
      },
      { timeoutMs: 10_000, what: 'both api connections waiting on the lock' },
    );

    const started = Date.now();
    const refused = await app.request('/tickets?limit=50&status=open&queue=safety', { headers: { 'x-request-id': 'overload-probe' } });
    const waitedMs = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await refused.json()) as ErrorResponseDto).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'Overloaded',
      message: 'the service is overloaded; retry in 2 s',
    });
    expect(waitedMs).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50);

    await lock.rollbackTransaction();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    expect((await app.request('/tickets?limit=50&status=open&queue=safety')).status).toBe(200);

    // Logged once, as an overload warning without a stack, naming the request; nothing unhandled.
    const lines = logLines();
    const overloads = lines.filter((line) => line.msg.startsWith('overload:'));
    expect(overloads).toEqual([
      expect.objectContaining({ level: 40, database: 'PoolExhausted', requestId: 'overload-probe', msg: 'overload: no database connection came free within the connect timeout; answered 503' }),
    ]);
    expect(overloads[0].err).toBeUndefined();
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  }, 60_000);
});
