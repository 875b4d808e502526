import { createHash } from 'node:crypto';
import type { ErrorResponseDto } from '../src/common/error-response.dto.js';
import { ApiFixture, TOKEN } from './api-fixture.js';
import { jsonLogLines } from './log-lines.js';

const PER_TOKEN = 5;
const PER_IP = 8;

async function expectRateLimited(response: Response, per: 'with this token' | 'from this address', limit: number): Promise<void> {
  expect(response.status).toBe(429);
  // Whole seconds until one more request fits the bucket: 60 s / limit at most.
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(60 / limit));
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect((await response.json()) as ErrorResponseDto).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    code: 'RateLimited',
    message: `more than ${limit} requests a minute ${per}; retry in ${retryAfter} s`,
  });
}

async function newTokenOf(app: ApiFixture): Promise<string> {
  const created = await app.call<{ token: string }>(`/users/${await app.bootstrapUserId()}/tokens`, { method: 'POST', json: { name: 'second' } });
  expect(created.status).toBe(201);
  return created.body.token;
}

/** RATE_LIMIT_PER_TOKEN_PER_MINUTE and RATE_LIMIT_PER_IP_PER_MINUTE, set small, over HTTP against the built api. */
describe('rate limits (built process)', () => {
  describe(`per token (${PER_TOKEN} a minute)`, () => {
    const app = new ApiFixture();

    beforeAll(() => app.start({ RATE_LIMIT_PER_TOKEN_PER_MINUTE: String(PER_TOKEN), RATE_LIMIT_PER_IP_PER_MINUTE: '1000' }), 90_000);
    afterAll(() => app.stop(), 60_000);

    it('answers 429 with Retry-After beyond the limit, for that token only, and logs it once without the token', async () => {
      const other = await newTokenOf(app);
      for (let i = 1; i < PER_TOKEN; i++) expect((await app.request('/queues')).status).toBe(200);
      await expectRateLimited(await app.request('/queues'), 'with this token', PER_TOKEN);
      await expectRateLimited(await app.request('/tickets'), 'with this token', PER_TOKEN);

      expect((await app.request('/queues', { token: other })).status).toBe(200);
      // Probes and the metrics scrape are never limited.
      expect((await app.request('/health')).status).toBe(200);
      expect((await app.request('/metrics')).status).toBe(200);
      // Without a token only the per-address limit applies.
      for (let i = 0; i <= PER_TOKEN; i++) expect((await app.request('/queues', { token: null })).status).toBe(401);

      const warnings = jsonLogLines<{ msg: string; level: number; limiter?: string }>(app.api).filter((line) => line.msg.startsWith('rate limit reached'));
      expect(warnings).toEqual([expect.objectContaining({ level: 40, limiter: 'token', limitPerMinute: PER_TOKEN, msg: 'rate limit reached with this token: answering 429 until it refills' })]);
      const output = app.api.recentOutput();
      expect(output).not.toContain(TOKEN);
      expect(output).not.toContain(createHash('sha256').update(TOKEN).digest('hex'));
    });
  });

  describe(`per address (${PER_IP} a minute)`, () => {
    const app = new ApiFixture();

    beforeAll(() => app.start({ RATE_LIMIT_PER_TOKEN_PER_MINUTE: '1000', RATE_LIMIT_PER_IP_PER_MINUTE: String(PER_IP) }), 90_000);
    afterAll(() => app.stop(), 60_000);

    it('counts every request from one address, with a token, without one or with a made-up one', async () => {
      const other = await newTokenOf(app);
      const statuses: number[] = [];
      for (const token of [TOKEN, null, 'made-up-token-1', other, TOKEN, null, 'made-up-token-2']) statuses.push((await app.request('/queues', { token })).status);
      expect(statuses).toEqual([200, 401, 401, 200, 200, 401, 401]);

      await expectRateLimited(await app.request('/queues', { token: other }), 'from this address', PER_IP);
      await expectRateLimited(await app.request('/queues', { token: null }), 'from this address', PER_IP);
      await expectRateLimited(await app.request('/queues', { token: 'made-up-token-3' }), 'from this address', PER_IP);
      expect((await app.request('/health')).status).toBe(200);
    });
  });
});
