import { CaseworkSuite } from '@casework/devkit';
import type { Browser, Page } from 'playwright-core';
import { FakeOidcProvider } from '../support/fake-oidc-provider.js';
import { createWebUser, inboxOrigin, launchChromium, newPage, seriousAccessibilityViolations } from '../support/web-browser.js';

const CLIENT_ID = 'casework-inbox';
const SSO = 'Sign in with single sign-on';

/**
 * Single sign-on in real Chromium against the whole suite and a local OpenID provider: the
 * sign-in page offers it above the token form, the button goes to the provider and back, and
 * the browser lands in the inbox with the session cookie only (nothing in web storage); an
 * e-mail no user has comes back to the page with a message and no session.
 */
describe('single sign-on in the web inbox, in Chromium', () => {
  let suite: CaseworkSuite;
  let browser: Browser;
  let page: Page;
  let origin = '';
  const provider = new FakeOidcProvider({ clientId: CLIENT_ID });

  beforeAll(async () => {
    await provider.start();
    suite = await CaseworkSuite.start({ env: { OIDC_ISSUER: provider.url, OIDC_CLIENT_ID: CLIENT_ID } });
    origin = await inboxOrigin(suite);
    await createWebUser(suite, { email: 'sso@specialists.test', name: 'Sol Single', role: 'specialist' });
    browser = await launchChromium();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
    await provider.stop();
  });

  it('offers single sign-on above the token form, and the page passes axe', async () => {
    await page.goto(`${origin}/`);
    const sso = page.getByRole('link', { name: SSO });
    await sso.waitFor();
    expect(await sso.getAttribute('href')).toBe('/api/v1/sessions/oidc');
    // The token form is still there, as before.
    expect(await page.getByLabel('API token').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(1);
    const above = await page.evaluate(`(() => { const a = document.querySelector('a.sso'); const f = document.querySelector('main form'); return !!(a.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING); })()`);
    expect(above).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('comes back from the provider without a session for an e-mail no user has, and says so', async () => {
    provider.next = { email: 'stranger@example.org' };
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: SSO }).click();
    await page.waitForURL(`${origin}/?signIn=unknown`);
    await page.getByRole('alert').filter({ hasText: 'no active Casework account has that email address' }).waitFor();
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('casework_session');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('signs in through the provider and lands in the inbox, with the session in an HttpOnly cookie and nothing in web storage', async () => {
    provider.next = { email: 'sso@specialists.test' };
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: SSO }).click();
    await page.getByRole('navigation', { name: 'Queues' }).waitFor();
    expect(new URL(page.url()).origin).toBe(origin);
    expect(await page.getByLabel('API token').count()).toBe(0);

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'casework_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    // The flow's cookie was used up on the way back.
    expect(cookies.map((cookie) => cookie.name)).not.toContain('casework_oidc_flow');
    expect(await page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])')).toBe('[[],[]]');
    expect(await page.evaluate('document.cookie')).not.toContain('casework_session');

    // The page's session is the user's, as the API sees it.
    const me = await page.evaluate(`fetch('/api/v1/me', { credentials: 'same-origin' }).then((r) => r.json())`);
    expect(me).toMatchObject({ email: 'sso@specialists.test' });
    expect(provider.refusals).toEqual([]);
  });
});
