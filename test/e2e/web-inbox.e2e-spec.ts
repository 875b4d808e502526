import { CaseworkSuite, freePort } from '@casework/devkit';
import nodemailer from 'nodemailer';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/poll.js';
import { createWebUser, inboxOrigin, launchChromium, newPage, seriousAccessibilityViolations, signIn } from '../support/web-browser.js';
const QUEUE_ADDRESS = 'safety@casework.test';
const PLAIN_SUBJECT = 'Someone keeps posting my address';
const HOSTILE_SUBJECT = `Invoice <img src=x onerror="window.__pwned='subject'">`;
const ARABIC_SUBJECT = 'أحتاج إلى مساعدة';
const LIVE_SUBJECT = 'Another account posts it too';
/** Every way a mail could try to run something; each would set window.__pwned (here, in the parent or the top page). */
const HOSTILE_HTML = `<p>Please see the invoice.</p>
<script>window.__pwned='script';try{parent.__pwned='script';top.__pwned='script'}catch(e){}</script>
<img src="x" onerror="window.__pwned='onerror';top.__pwned='onerror'">
<a id="js-link" href="javascript:top.__pwned='link';window.__pwned='link'">open the invoice</a>
<meta http-equiv="refresh" content="0;url=javascript:top.__pwned='refresh'">
<svg onload="top.__pwned='svg'"></svg>
<iframe src="javascript:parent.__pwned='iframe'"></iframe>`;

/** The computed `direction` of an element, run in the page (this file is type-checked without the DOM lib). */
const directionOf = (element: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(element).direction;

interface TicketItem {
  id: string;
  subject: string | null;
  status: string;
}

/**
 * A specialist's first shift in the browser, in real Chromium against the whole suite: mail
 * pushed over SMTP becomes tickets; the inbox signs in with a token (kept in no web storage),
 * lists the queue, opens a ticket, replies, notes, changes status, shows the collision answer,
 * renders Arabic right-to-left, and runs nothing a hostile mail carries.
 */
describe('the web inbox in Chromium', () => {
  let suite: CaseworkSuite;
  let browser: Browser;
  let page: Page;
  let token = '';
  let userId = '';
  let origin = '';
  let smtpPort = 0;
  const dialogs: string[] = [];

  const ticketBySubject = (subject: string) =>
    eventually(async () => (await suite.api<{ items: TicketItem[] }>('/tickets?limit=100')).body.items.find((ticket) => ticket.subject === subject), 30_000, `the ticket “${subject}”`);

  beforeAll(async () => {
    smtpPort = await freePort();
    suite = await CaseworkSuite.start({ env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
    origin = await inboxOrigin(suite);
    ({ id: userId, token } = await createWebUser(suite, { email: 'sam@specialists.test', name: 'Sam Specialist', role: 'specialist' }));

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'Rita Reporter <rita@example.org>', to: QUEUE_ADDRESS, subject: PLAIN_SUBJECT, text: 'He posts my home address under every video.' });
    await transport.sendMail({ from: 'Mallory <mallory@example.net>', to: QUEUE_ADDRESS, subject: HOSTILE_SUBJECT, text: 'See the HTML part.', html: HOSTILE_HTML });
    await transport.sendMail({ from: 'Layla <layla@example.org>', to: QUEUE_ADDRESS, subject: ARABIC_SUBJECT, text: 'شخص ما ينشر عنواني في كل مكان. أرجو المساعدة.' });
    transport.close();
    await Promise.all([PLAIN_SUBJECT, HOSTILE_SUBJECT, ARABIC_SUBJECT].map(ticketBySubject));

    browser = await launchChromium();
    page = await newPage(browser);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  const pwned = () => page.evaluate('window.__pwned');

  it('signs in with a token kept in no web storage, behind a CSP, and lists the queues', async () => {
    const response = await page.goto(`${origin}/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const queues = page.getByRole('navigation', { name: 'Queues' });
    await queues.getByRole('link', { name: 'Safety' }).waitFor();
    await expect(queues.getByRole('link', { name: 'Mine' }).count()).resolves.toBe(1);
    const storage = (await page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])')) as string;
    expect(storage).not.toContain(token);
    expect(storage).toBe('[[],[]]');
    // HttpOnly: the page's script cannot read the session.
    expect(await page.evaluate('document.cookie')).not.toContain('casework_session');
    expect(await page.getByLabel('API token').count()).toBe(0);
  });

  it('opens a queue, moves with j / k and opens a ticket with Enter', async () => {
    await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Safety' }).click();
    const rows = page.locator('table.tickets tbody tr');
    await rows.filter({ hasText: PLAIN_SUBJECT }).waitFor();
    expect(await rows.count()).toBe(3);
    const target = await rows.evaluateAll((all, subject) => all.findIndex((row) => row.textContent?.includes(subject)), PLAIN_SUBJECT);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    for (let i = 0; i < target; i++) await page.keyboard.press('j');
    expect(await rows.nth(target).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: PLAIN_SUBJECT }).waitFor();
    expect(await page.locator('article').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('article').first().textContent()).toContain('He posts my home address');
  });

  it('sends a reply and shows the outbound article, adds a note, and changes the status', async () => {
    const ticket = await ticketBySubject(PLAIN_SUBJECT);
    const before = await page.locator('article').count();
    await page.getByLabel('Reply').fill('We have removed the posts and blocked the account.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('article.outbound', { hasText: 'We have removed the posts' }).waitFor();
    expect(await page.locator('article').count()).toBe(before + 1);
    // Oldest first: the new answer is the last message of the thread.
    expect(await page.locator('article').last().textContent()).toContain('We have removed the posts');

    await page.getByLabel('Note').fill('Account flagged to the platform team.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('article', { hasText: 'Account flagged to the platform team.' }).waitFor();

    await page.getByLabel('Status').selectOption('pending');
    await eventually(async () => ((await suite.api<TicketItem>(`/tickets/${ticket.id}`)).body.status === 'pending' ? true : undefined), 10_000, 'the ticket pending');
  });

  it('changes the priority, takes the ticket and tags it from the ticket view', async () => {
    const ticket = await ticketBySubject(PLAIN_SUBJECT);
    const detail = () => suite.api<{ priority: string; assignee: { id: string } | null; tags: string[] }>(`/tickets/${ticket.id}`).then((r) => r.body);
    await page.getByLabel('Priority').selectOption('high');
    await eventually(async () => ((await detail()).priority === 'high' ? true : undefined), 10_000, 'the ticket high');
    await page.getByLabel('Assignee').selectOption(userId);
    await eventually(async () => ((await detail()).assignee?.id === userId ? true : undefined), 10_000, 'the ticket assigned to Sam');
    await page.getByLabel('Tags').fill('doxxing, Harassment');
    await page.getByRole('button', { name: 'Save tags' }).click();
    await eventually(async () => ((await detail()).tags.join(',') === 'doxxing,harassment' ? true : undefined), 10_000, 'the tags saved');
    await page.getByLabel('Assignee').selectOption('');
    await eventually(async () => ((await detail()).assignee === null ? true : undefined), 10_000, 'the ticket unassigned');
  });

  it('shows a new mail in the open queue within seconds, without a reload', async () => {
    await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Safety' }).click();
    const rows = page.locator('table.tickets tbody tr');
    await rows.first().waitFor();
    const subject = LIVE_SUBJECT;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const sent = Date.now();
    // From the first ticket's requester: her panel lists it later.
    await transport.sendMail({ from: 'Rita Reporter <rita@example.org>', to: QUEUE_ADDRESS, subject, text: 'Please look at this account too.' });
    transport.close();
    await rows.filter({ hasText: subject }).waitFor({ timeout: 10_000 });
    process.stdout.write(`SMTP push → row in the open list: ${Date.now() - sent} ms\n`);
  });

  it('refuses a reply written against an old thread, says so, and shows the new message', async () => {
    const ticket = await ticketBySubject(PLAIN_SUBJECT);
    // The live stream cut (a dropped connection): the page cannot know of the colleague's note.
    await page.route('**/api/v1/events', (route) => route.abort());
    await page.goto(`${origin}/tickets/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: PLAIN_SUBJECT }).waitFor();
    const sent = await suite.api(`/tickets/${ticket.id}/notes`, { method: 'POST', body: { body: 'A colleague got here first.' } });
    expect(sent.status).toBe(201);
    await page.getByLabel('Reply').fill('A second answer that must not go out unseen.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('alert').filter({ hasText: 'new messages arrived — review before sending' }).waitFor();
    await page.locator('article', { hasText: 'A colleague got here first.' }).waitFor();
    expect(await page.getByLabel('Reply').inputValue()).toBe('A second answer that must not go out unseen.');
    expect(await page.locator('article.outbound', { hasText: 'A second answer' }).count()).toBe(0);
    await page.unroute('**/api/v1/events');
  });

  it('renders an Arabic mail right-to-left', async () => {
    const ticket = await ticketBySubject(ARABIC_SUBJECT);
    await page.goto(`${origin}/tickets/${ticket.id}`);
    const body = page.locator('article .text-body').first();
    await body.waitFor();
    expect(await body.evaluate(directionOf)).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).evaluate(directionOf)).toBe('rtl');
  });

  it('runs nothing a hostile mail carries: not in the page, not in the frame', async () => {
    const ticket = await ticketBySubject(HOSTILE_SUBJECT);
    await page.goto(`${origin}/tickets/${ticket.id}`);
    // The subject is text: the heading shows the markup instead of running it.
    await page.getByRole('heading', { level: 1, name: HOSTILE_SUBJECT }).waitFor();
    const frameElement = page.locator('iframe[title="Message from Mallory"]');
    await frameElement.waitFor();
    expect(await frameElement.getAttribute('sandbox')).toBe('');
    const frame = (await frameElement.elementHandle())!.contentFrame();
    const content = (await frame)!;
    await content.getByText('Please see the invoice.').waitFor();
    const link = content.locator('a', { hasText: 'open the invoice' });
    if ((await link.count()) > 0) await link.click({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    expect(await pwned()).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The frame's own window: evaluated by the test harness (page scripts stay off in it).
    expect(await content.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('article').count()).toBeGreaterThanOrEqual(1);
  });

  it('runs nothing even from HTML the API had not sanitized: the frame alone holds', async () => {
    const ticket = await ticketBySubject(HOSTILE_SUBJECT);
    // The API sanitizes mail HTML; here the page is handed the raw payload instead, so only the frame stands between it and the page.
    await page.route(`**/api/v1/tickets/${ticket.id}`, async (route) => {
      const response = await route.fetch();
      const detail = (await response.json()) as { articles: { html: string | null; from: { email: string } | null }[] };
      for (const article of detail.articles) if (article.from?.email === 'mallory@example.net') article.html = HOSTILE_HTML;
      await route.fulfill({ response, json: detail });
    });
    await page.goto(`${origin}/tickets/${ticket.id}`);
    const frameElement = page.locator('iframe[title="Message from Mallory"]');
    await frameElement.waitFor();
    const content = (await (await frameElement.elementHandle())!.contentFrame())!;
    // A synthetic click (Playwright's pointer click waits on hit-testing the frame's own nested frame).
    await content.locator('#js-link').dispatchEvent('click');
    await page.waitForTimeout(500);
    expect(await pwned()).toBeUndefined();
    expect(await content.evaluate('window.__pwned')).toBeUndefined();
    expect(content.url()).toBe('about:srcdoc');
    expect(dialogs).toEqual([]);
    await page.unroute(`**/api/v1/tickets/${ticket.id}`);
  });

  it('shows a colleague viewing the same ticket, then replying, live', async () => {
    const ticket = await ticketBySubject(PLAIN_SUBJECT);
    const { token: colleagueToken } = await createWebUser(suite, { email: 'tess@specialists.test', name: 'Tess Colleague', role: 'specialist' });
    await page.goto(`${origin}/tickets/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: PLAIN_SUBJECT }).waitFor();
    const other = await browser.newContext();
    try {
      const theirs = await other.newPage();
      await signIn(theirs, origin, colleagueToken);
      await theirs.goto(`${origin}/tickets/${ticket.id}`);
      await theirs.getByRole('heading', { level: 1, name: PLAIN_SUBJECT }).waitFor();
      await page.getByText('Tess Colleague is viewing').waitFor({ timeout: 10_000 });
      await theirs.getByLabel('Reply').fill('I can take this one.');
      await page.getByText('Tess Colleague is replying').waitFor({ timeout: 10_000 });
      // Each sees the other, never themselves.
      await theirs.getByText('Sam Specialist is viewing').waitFor({ timeout: 10_000 });
      expect(await page.getByText('Sam Specialist is').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("shows the requester with her other tickets, and the ticket's history with who did what", async () => {
    const ticket = await ticketBySubject(PLAIN_SUBJECT);
    await page.goto(`${origin}/tickets/${ticket.id}`);
    const requester = page.getByRole('region', { name: 'Requester' });
    await requester.getByText('rita@example.org').waitFor();
    await requester.getByRole('link', { name: LIVE_SUBJECT }).waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('status changed — Sam Specialist').first().waitFor();
    await requester.getByRole('link', { name: LIVE_SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: LIVE_SUBJECT }).waitFor();
  });

  it('shows breached and soon-due clocks on the ops page, each linking to its ticket', async () => {
    const breached = await ticketBySubject(ARABIC_SUBJECT);
    const db = new pg.Client({ connectionString: suite.database.url });
    await db.connect();
    try {
      // As the notification service leaves a clock it fired (its 60-minute target has not passed yet here).
      const { rowCount } = await db.query(
        `UPDATE sla_clock SET state = 'breached', breached_at = now(), due_at = now() - interval '5 minutes' WHERE ticket_id = $1 AND kind = 'first_response'`,
        [breached.id],
      );
      expect(rowCount).toBe(1);
    } finally {
      await db.end();
    }
    const { body } = await suite.api<{ number: string }>(`/tickets/${breached.id}`);
    await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Ops' }).click();
    await page.getByRole('heading', { level: 1, name: 'SLA and on call' }).waitFor();
    const breaches = page.getByRole('region', { name: 'Breached' });
    await breaches.getByRole('link', { name: `#${body.number}` }).waitFor();
    // Every other open ticket's first response is due within its 60 minutes.
    expect(await page.getByRole('region', { name: 'Due within the hour' }).getByRole('link').count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'On call now' }).getByText('The rota is shown to leads, ops and admins.').waitFor();
    await breaches.getByRole('link', { name: `#${body.number}` }).click();
    await page.getByRole('heading', { level: 1, name: ARABIC_SUBJECT }).waitFor();
  });

  it('searches with / from anywhere, shows the matching passage as text, and opens the ticket', async () => {
    await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Mine' }).click();
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('search');
    await page.keyboard.type('home address');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Search: home address' }).waitFor();
    const hit = page.getByRole('link', { name: PLAIN_SUBJECT });
    await hit.waitFor({ timeout: 10_000 });
    await page.locator('.snippet mark').first().waitFor();
    // The hostile subject is a result's text, never markup.
    await page.getByRole('search').getByLabel('Search').fill('invoice');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: HOSTILE_SUBJECT }).waitFor({ timeout: 10_000 });
    expect(await pwned()).toBeUndefined();
    await page.goto(`${origin}/search?q=${encodeURIComponent('home address')}`);
    await page.getByRole('link', { name: PLAIN_SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: PLAIN_SUBJECT }).waitFor();
  });

  it('has no serious or critical accessibility violations on any page a specialist opens', async () => {
    const ticket = await ticketBySubject(PLAIN_SUBJECT);
    const arabic = await ticketBySubject(ARABIC_SUBJECT);
    // A page of its own, signed in: the scan does not depend on where the other tests left theirs.
    const viewer = await newPage(browser);
    await signIn(viewer, origin, token);
    const pages: [string, () => Promise<unknown>][] = [
      ['the queue list', () => viewer.locator('table.tickets tbody tr').first().waitFor()],
      ['my tickets', () => viewer.getByRole('heading', { level: 1 }).waitFor()],
      ['a ticket', () => viewer.getByRole('heading', { level: 1, name: PLAIN_SUBJECT }).waitFor()],
      ['an Arabic ticket', () => viewer.getByRole('heading', { level: 1, name: ARABIC_SUBJECT }).waitFor()],
      ['the ops page', () => viewer.getByRole('heading', { level: 1, name: 'SLA and on call' }).waitFor()],
      ['search results', () => viewer.getByRole('link', { name: PLAIN_SUBJECT }).waitFor()],
    ];
    const paths = ['/queues/safety', '/mine', `/tickets/${ticket.id}`, `/tickets/${arabic.id}`, '/ops', `/search?q=${encodeURIComponent('home address')}`];
    const found: string[] = [];
    for (const [index, [name, ready]] of pages.entries()) {
      await viewer.goto(`${origin}${paths[index]}`);
      await ready();
      for (const violation of await seriousAccessibilityViolations(viewer)) found.push(`${name}: ${violation}`);
    }
    const signedOut = await newPage(browser);
    try {
      await signedOut.goto(`${origin}/`);
      await signedOut.getByLabel('API token').waitFor();
      for (const violation of await seriousAccessibilityViolations(signedOut)) found.push(`sign-in: ${violation}`);
    } finally {
      await signedOut.context().close();
    }
    await viewer.context().close();
    expect(found).toEqual([]);
  });

  it('signs out, and a session whose token was revoked goes back to sign-in', async () => {
    const meStatus = () => page.evaluate("fetch('/api/v1/me', { credentials: 'same-origin' }).then((response) => response.status)");
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
    expect(await meStatus()).toBe(401);

    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Queues' }).waitFor();
    const { body: tokens } = await suite.api<{ items: { id: string }[] }>(`/users/${userId}/tokens`);
    for (const { id } of tokens.items) expect((await suite.api(`/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    await page.reload();
    await page.getByLabel('API token').waitFor();
    expect(await meStatus()).toBe(401);
  });
});
