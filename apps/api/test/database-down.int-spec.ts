import { pollUntil, startPostgres, type PrivatePostgres } from '@casework/devkit';
import type { ErrorResponseDto } from '../src/common/error-response.dto.js';
import { ApiFixture } from './api-fixture.js';

interface LogLine {
  level: number;
  msg: string;
  database?: string;
  err?: unknown;
}

/**
 * The API on a private Postgres that is stopped under it: a request then finds nobody
 * listening (ECONNREFUSED) and is answered 503 with Retry-After and code DatabaseUnavailable,
 * logged as a warning without a stack (it used to be an unhandled 500); once Postgres is back
 * the same request answers 200 again without restarting the API.
 */
describe('api while Postgres is down (built process, private Postgres)', () => {
  const app = new ApiFixture();
  let postgres: PrivatePostgres;

  beforeAll(async () => {
    postgres = await startPostgres();
    await app.start({ DATABASE_CONNECT_TIMEOUT_MS: '2000' }, { adminUrl: postgres.url });
  }, 120_000);

  afterAll(async () => {
    await app.stop();
    await postgres?.stop();
  }, 60_000);

  it('answers 503 DatabaseUnavailable while Postgres is stopped and 200 once it is back', async () => {
    expect((await app.request('/queues')).status).toBe(200);
    // The test's own pool would hold connections the restart cuts: give them back first.
    await app.ds.destroy();
    await postgres.stopServer();

    const refused = await app.request('/queues');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await refused.json()) as ErrorResponseDto).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'DatabaseUnavailable',
      message: 'the database is unavailable; retry in 2 s',
    });

    await postgres.startServer();
    await pollUntil(
      async () => {
        const status = (await app.request('/queues')).status;
        if (status !== 200) throw new Error(`GET /queues answered ${status}`);
      },
      { timeoutMs: 20_000, what: 'the api answering again after Postgres restarted' },
    );

    const lines = app.api
      .recentOutput()
      .split('\n')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogLine];
        } catch {
          return [];
        }
      });
    const warnings = lines.filter((line) => line.msg.startsWith('database unavailable:'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.every((line) => line.level === 40 && line.err === undefined)).toBe(true);
    expect(lines.filter((line) => line.level >= 50 && line.msg === 'unhandled error')).toEqual([]);
  }, 90_000);
});
