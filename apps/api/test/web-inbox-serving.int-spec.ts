import { ApiFixture } from './api-fixture.js';

/** The api serves the built web inbox at / (npm run build builds it), beside /api and its docs. */
describe('the web inbox served by the api (built process)', () => {
  const app = new ApiFixture();
  let origin = '';

  beforeAll(async () => {
    await app.start();
    origin = app.base.replace(/\/api\/v1$/, '');
  }, 90_000);
  afterAll(() => app.stop(), 60_000);

  it('answers / and the app’s own routes with index.html under the page policy: scripts from here only, none inline', async () => {
    for (const path of ['/', '/queues/safety', '/tickets/00000000-0000-4000-8000-000000000000']) {
      const page = await fetch(`${origin}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      const html = await page.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const script = /<script[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
      expect(script).toMatch(/^\/assets\//);
      const asset = await fetch(`${origin}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('keeps /api to the API: an unknown API path is JSON 404, a missing asset a plain 404, and the docs still load', async () => {
    const unknown = await fetch(`${app.base}/no-such-route`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(unknown.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect((await fetch(`${origin}/assets/no-such-chunk.js`)).status).toBe(404);
    const docs = await fetch(`${origin}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});
