import { pollUntil } from '@casework/devkit';
import type { ErrorResponseDto } from '../src/common/error-response.dto.js';
import { ApiFixture, TOKEN } from './api-fixture.js';
import { jsonLogLines } from './log-lines.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MISSING_TICKET = '00000000-0000-4000-8000-000000000000';
const LISTED_ORIGIN = 'https://inbox.example.org';

interface AccessLine {
  msg: string;
  level: number;
  requestId?: string;
  method?: string;
  route?: string | null;
  path?: string;
  status?: number;
  durationMs?: number;
}

const accessLines = (app: ApiFixture) => jsonLogLines<AccessLine>(app.api).filter((line) => line.msg === 'request');

const preflight = (app: ApiFixture, origin: string) =>
  app.request('/tickets', { method: 'OPTIONS', token: null, headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,content-type' } });

/**
 * The security baseline every route shares (issue 11), over HTTP against the built api:
 * helmet's headers, the 1 MB JSON body, X-Request-Id and the access log, CORS.
 */
describe('http security baseline (built process)', () => {
  describe('with the default settings', () => {
    const app = new ApiFixture();

    beforeAll(() => app.start({ LOG_LEVEL: 'info' }), 90_000);
    afterAll(() => app.stop(), 60_000);

    it.each([
      ['an answer', '/queues', TOKEN, 200],
      ['a refusal', '/queues', null, 401],
      ['an unknown route', '/no-such-route', TOKEN, 404],
    ])('sets helmet headers on %s, with a policy under which nothing loads or frames', async (_case, path, token, status) => {
      const response = await app.request(path, { token });
      expect(response.status).toBe(status);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('serves the Swagger UI under a page policy its own scripts and styles fit', async () => {
      const docsUrl = app.base.replace(/\/api\/v1$/, '/api/docs');
      const page = await fetch(docsUrl);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self' https: 'unsafe-inline'");
      expect(policy).toContain("img-src 'self' data:");
      expect(policy).not.toContain('upgrade-insecure-requests');
      const html = await page.text();
      // script-src 'self' allows only scripts loaded from here: the page has no inline one.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        const url = new URL(src, `${docsUrl}/`);
        expect(url.origin).toBe(new URL(docsUrl).origin);
        expect((await fetch(url)).status).toBe(200);
      }
    });

    it('answers a JSON body over 1 MB with 413 in the usual error shape (a reply, which carries attachments, may take 16 MB)', async () => {
      const oneMegabyte = 1024 * 1024;
      const body = (bytes: number) => `{"text":"${'x'.repeat(bytes - '{"text":""}'.length)}"}`;
      const tooLarge = await app.request(`/tickets/${MISSING_TICKET}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: body(oneMegabyte + 1) });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('content-type')).toMatch(/^application\/json/);
      expect(tooLarge.headers.get('x-request-id')).toMatch(UUID);
      expect((await tooLarge.json()) as ErrorResponseDto).toEqual({ statusCode: 413, error: 'Payload Too Large', code: 'PayloadTooLarge', message: 'the JSON body is larger than 1 MB' });

      const atTheLimit = await app.request(`/tickets/${MISSING_TICKET}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: body(oneMegabyte) });
      expect(atTheLimit.status).not.toBe(413);
      const reply = await app.request(`/tickets/${MISSING_TICKET}/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(2 * oneMegabyte) });
      expect(reply.status).not.toBe(413);
    });

    it('echoes a sane X-Request-Id and writes it on the request’s access line, without the query or the token', async () => {
      const response = await app.request('/queues?access_token=hunter2-query-secret', { headers: { 'x-request-id': 'client-req-42' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('client-req-42');
      const line = await pollUntil(
        async () => {
          const found = accessLines(app).find((candidate) => candidate.requestId === 'client-req-42');
          if (!found) throw new Error('no access line yet');
          return found;
        },
        { timeoutMs: 5000, what: 'the access line of client-req-42' },
      );
      expect(line).toEqual(expect.objectContaining({ level: 30, method: 'GET', route: '/api/v1/queues', status: 200, durationMs: expect.any(Number) }));
      expect(line.path).toBeUndefined();
      const output = app.api.recentOutput();
      expect(output).not.toContain('hunter2-query-secret');
      expect(output).not.toContain(TOKEN);
    });

    it.each([
      ['none', undefined],
      ['one with spaces', 'my request'],
      ['one too long', 'x'.repeat(129)],
      ['one with markup', '<script>'],
    ])('generates a UUID when the client sends %s', async (_case, presented) => {
      const response = await app.request('/queues', { headers: presented === undefined ? {} : { 'x-request-id': presented } });
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(UUID);
      await pollUntil(
        async () => {
          if (!accessLines(app).some((line) => line.requestId === id && line.status === 200)) throw new Error('no access line yet');
        },
        { timeoutMs: 5000, what: `the access line of ${id}` },
      );
    });

    it('logs an unmatched request with its path, and the id of a refused one', async () => {
      await app.request('/no-such-route/deeper?secret=q', { headers: { 'x-request-id': 'unmatched-1' } });
      await app.request('/queues', { token: null, headers: { 'x-request-id': 'refused-1' } });
      await pollUntil(
        async () => {
          const lines = accessLines(app);
          const unmatched = lines.find((line) => line.requestId === 'unmatched-1');
          const refused = lines.find((line) => line.requestId === 'refused-1');
          if (!unmatched || !refused) throw new Error('access lines missing');
          expect(unmatched).toMatchObject({ route: null, path: '/api/v1/no-such-route/deeper', status: 404 });
          expect(refused).toMatchObject({ route: '/api/v1/queues', status: 401 });
        },
        { timeoutMs: 5000, what: 'the access lines of unmatched-1 and refused-1' },
      );
    });

    it('names the request on lines written while serving it, deep in the guards', async () => {
      // Repeated bad credentials from one address make the access guard warn, mid-request; a
      // body of many TCP chunks makes the body parser resume the request from stream events.
      const ids = Array.from({ length: 8 }, (_, i) => `bad-credential-${i}`);
      for (const id of ids) {
        await app.request(`/tickets/${MISSING_TICKET}/replies`, { method: 'POST', json: { text: 'x'.repeat(600_000) }, token: `made-up-token-${id}`, headers: { 'x-request-id': id } });
      }
      const warning = await pollUntil(
        async () => {
          const found = jsonLogLines<AccessLine>(app.api).find((line) => line.level === 40 && line.msg.startsWith('repeated bad credentials'));
          if (!found) throw new Error('no warning yet');
          return found;
        },
        { timeoutMs: 5000, what: 'the bad-credentials warning' },
      );
      expect(ids).toContain(warning.requestId);
    });

    it('keeps CORS off without CORS_ORIGINS', async () => {
      const refused = await preflight(app, LISTED_ORIGIN);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-methods')).toBeNull();
      const simple = await app.request('/queues', { headers: { origin: LISTED_ORIGIN } });
      expect(simple.status).toBe(200);
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('with CORS_ORIGINS', () => {
    const app = new ApiFixture();

    beforeAll(() => app.start({ CORS_ORIGINS: `${LISTED_ORIGIN}, http://localhost:5173` }), 90_000);
    afterAll(() => app.stop(), 60_000);

    it.each([LISTED_ORIGIN, 'http://localhost:5173'])('allows a preflight from the listed origin %s', async (origin) => {
      const allowed = await preflight(app, origin);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
      expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      expect(allowed.headers.get('vary')).toContain('Origin');
    });

    it('lets a listed origin read the answer and its X-Request-Id', async () => {
      const response = await app.request('/queues', { headers: { origin: LISTED_ORIGIN } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    });

    it.each(['https://evil.example', 'https://inbox.example.org.evil.example', 'http://inbox.example.org'])('gives %s no CORS headers', async (origin) => {
      const refused = await preflight(app, origin);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await app.request('/queues', { headers: { origin } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
