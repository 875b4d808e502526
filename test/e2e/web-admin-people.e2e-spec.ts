import { randomBytes } from 'node:crypto';
import { CaseworkSuite, startDovecot, type PrivateDovecot } from '@casework/devkit';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/poll.js';
import { createWebUser, inboxOrigin, launchChromium, newPage, seriousAccessibilityViolations, signIn, type WebUser } from '../support/web-browser.js';

interface UserItem {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
}

const NEW_EMAIL = 'nadia@specialists.test';
const NEW_NAME = 'Nadia Newcomer';
const LAST_ADMIN = 'this is the last enabled admin: make another user admin first';
/** A second, private IMAP server for the mailbox added in the browser: its password is one no page could contain by chance. */
const IMAP_PASSWORD = `imap-${randomBytes(12).toString('hex')}`;

/**
 * An admin's afternoon in the browser, in real Chromium against the whole suite: adds a user,
 * issues them a token (shown once, and it works), revokes it (and it stops), changes a role, is
 * refused leaving no admin, makes a restricted queue and grants it, adds a real IMAP mailbox and
 * watches ingest take it up, without the password ever coming back. Each change is checked
 * through the API, and every page is scanned by axe.
 */
describe('the admin pages for people and plumbing, in Chromium', () => {
  let suite: CaseworkSuite;
  let browser: Browser;
  let page: Page;
  let origin = '';
  let admin: WebUser;
  let newUserId = '';
  let reports: PrivateDovecot;
  /** Every API answer the admin's page received, for the password check. */
  const answers: Promise<string>[] = [];

  /** The API as the web admin (by their own token): the bootstrap admin is disabled for a while below. */
  const asAdmin = async <T>(path: string, token = admin.token): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${suite.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const usersNow = async () => (await asAdmin<{ items: UserItem[] }>('/users')).body.items;
  const adminNav = () => page.getByRole('navigation', { name: 'Administration' });
  const expectNoViolations = async () => expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const openUser = async (name: string) => {
    await adminNav().getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };

  beforeAll(async () => {
    [suite, reports] = await Promise.all([CaseworkSuite.start(), startDovecot({ user: 'reports', password: IMAP_PASSWORD })]);
    origin = await inboxOrigin(suite);
    admin = await createWebUser(suite, { email: 'ada@admins.test', name: 'Ada Admin', role: 'admin' });
    browser = await launchChromium();
    page = await newPage(browser);
    page.on('response', (response) => {
      // The live event stream never ends: its body cannot be awaited (and carries ids, not settings).
      if (response.url().includes('/api/v1/') && !(response.headers()['content-type'] ?? '').includes('text/event-stream')) answers.push(response.text().catch(() => ''));
    });
    await signIn(page, origin, admin.token);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
    await reports?.stop();
  });

  it('adds a user from the Administration link', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(NEW_EMAIL);
    await page.getByLabel('Name', { exact: true }).fill(NEW_NAME);
    await page.getByLabel('Role', { exact: true }).selectOption('specialist');
    await page.getByLabel('Time zone (e.g. Europe/Berlin)').fill('Europe/Madrid');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: `${NEW_NAME} was added.` }).waitFor();
    await page.getByRole('link', { name: NEW_NAME, exact: true }).waitFor();

    const created = (await usersNow()).find((user) => user.email === NEW_EMAIL);
    expect(created).toMatchObject({ name: NEW_NAME, role: 'specialist', disabled: false });
    newUserId = created!.id;
    await expectNoViolations();
  });

  it('shows a bad field’s 400 next to the form', async () => {
    await page.getByLabel('Email', { exact: true }).fill('not-an-address');
    await page.getByLabel('Name', { exact: true }).fill('Someone');
    await page.getByRole('button', { name: 'Add user' }).click();
    const alert = page.locator('.form-problem');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('email must be an email address');
    expect(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await usersNow()).some((user) => user.email === 'not-an-address')).toBe(false);
    await expectNoViolations();
  });

  let issued = '';

  it('issues a token shown once, which then works for /me', async () => {
    await openUser(NEW_NAME);
    await page.getByLabel('Token name').fill('laptop');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await page.getByText('Copy it now: it will not be shown again.').waitFor();
    const field = page.getByLabel('Token', { exact: true });
    expect(await field.getAttribute('readonly')).not.toBeNull();
    issued = await field.inputValue();
    expect(issued).toMatch(/^\S{20,}$/);
    await expectNoViolations();

    const me = await asAdmin<{ email: string; role: string }>('/me', issued);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: NEW_EMAIL, role: 'specialist' });
    // Nowhere but the field: not the address bar, not web storage.
    expect(page.url()).not.toContain(issued);
    expect((await page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])')) as string).not.toContain(issued);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByLabel('Token', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(issued);
    // Listed by name with its last use, never the secret, after a reload too.
    await page.reload();
    await page.getByRole('button', { name: 'Revoke token laptop' }).waitFor();
    expect(await page.content()).not.toContain(issued);
  });

  it('hides the admin pages from a specialist, who is sent away from /admin/users', async () => {
    const specialist = await newPage(browser);
    try {
      await signIn(specialist, origin, issued);
      expect(await specialist.getByRole('link', { name: 'Administration' }).count()).toBe(0);
      await specialist.goto(`${origin}/admin/users`);
      await specialist.waitForURL(`${origin}/mine`);
      expect(await specialist.getByRole('navigation', { name: 'Administration' }).count()).toBe(0);
      expect(await specialist.getByRole('heading', { level: 1, name: 'Users' }).count()).toBe(0);
    } finally {
      await specialist.context().close();
    }
  });

  it('revokes the token: its next request is refused', async () => {
    await page.getByRole('button', { name: 'Revoke token laptop' }).click();
    await page.getByText('No live tokens.').waitFor();
    expect((await asAdmin('/me', issued)).status).toBe(401);
    expect((await asAdmin<{ items: unknown[] }>(`/users/${newUserId}/tokens`)).body.items).toEqual([]);
  });

  it('changes a role', async () => {
    await page.getByLabel('Role', { exact: true }).selectOption('lead');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect((await usersNow()).find((user) => user.id === newUserId)?.role).toBe('lead');
  });

  it('refuses to disable the last enabled admin, with the API’s message', async () => {
    // The suite's bootstrap admin first, so that Ada is the last one.
    await openUser('Bootstrap admin');
    await page.getByLabel('Disabled: cannot sign in').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect((await usersNow()).find((user) => user.name === 'Bootstrap admin')?.disabled).toBe(true);

    await openUser('Ada Admin');
    await page.getByLabel('Disabled: cannot sign in').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.locator('.form-problem');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(LAST_ADMIN);
    expect((await usersNow()).find((user) => user.id === admin.id)).toMatchObject({ role: 'admin', disabled: false });
    await expectNoViolations();

    // And the bootstrap admin back, for the suite.
    await openUser('Bootstrap admin');
    await page.getByLabel('Disabled: cannot sign in').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect((await suite.api('/me')).status).toBe(200);
  });

  it('creates a restricted queue and grants the new user write access', async () => {
    await adminNav().getByRole('link', { name: 'Queues and access' }).click();
    await page.getByRole('heading', { level: 1, name: 'Queues and access' }).waitFor();
    await expectNoViolations();
    await page.getByLabel('Slug', { exact: true }).fill('child-protection');
    await page.getByLabel('Name', { exact: true }).fill('Child protection');
    await page.getByLabel('Address', { exact: true }).fill('child-safety@casework.test');
    await page.getByLabel('Restricted: only users with a grant see its tickets').check();
    await page.getByRole('button', { name: 'Add queue' }).click();
    await page.getByRole('status').filter({ hasText: 'The queue Child protection was added.' }).waitFor();
    const queue = (await asAdmin<{ items: { id: string; slug: string; restricted: boolean }[] }>('/queues')).body.items.find((each) => each.slug === 'child-protection');
    expect(queue?.restricted).toBe(true);

    await page.getByRole('link', { name: 'Child protection', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Child protection' }).waitFor();
    await page.getByText('Nobody has a grant yet.').waitFor();
    const grant = page.getByRole('group', { name: 'Grant access' });
    await grant.getByLabel('User').selectOption({ label: `${NEW_NAME} <${NEW_EMAIL}>` });
    await grant.getByLabel('Access').selectOption('write');
    await grant.getByRole('button', { name: 'Add to the list' }).click();
    await page.getByRole('button', { name: 'Save access' }).click();
    await page.getByRole('status').filter({ hasText: 'Access saved.' }).waitFor();
    const access = await asAdmin<{ grants: { userId: string; level: string }[] }>(`/queues/${queue!.id}/access`);
    expect(access.body.grants).toEqual([{ userId: newUserId, level: 'write' }]);
    await expectNoViolations();
  });

  it('adds a real IMAP mailbox, shows ingest connected to it, and never gives its password back', async () => {
    const { host, port, user, password } = reports;
    await page.goto(`${origin}/admin/mailboxes`);
    await page.getByRole('heading', { level: 1, name: 'Mailboxes' }).waitFor();
    await page.getByLabel('Address', { exact: true }).fill('reports@casework.test');
    await page.getByLabel('IMAP server').fill(host);
    await page.getByLabel('Port', { exact: true }).fill(String(port));
    await page.getByLabel('Implicit TLS (IMAPS)').uncheck();
    await page.getByLabel('IMAP user').fill(user);
    await page.getByLabel('IMAP password').fill(password);
    await page.getByLabel('Queue', { exact: true }).selectOption('safety');
    await page.getByRole('button', { name: 'Add mailbox' }).click();
    await page.getByRole('status').filter({ hasText: 'The mailbox reports@casework.test was added' }).waitFor();
    expect(await page.getByLabel('IMAP password').inputValue()).toBe('');
    const row = page.locator('tr', { hasText: 'reports@casework.test' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`reports @ ${host}:${port}`);
    const listed = (await asAdmin<{ items: { id: string; address: string; folder: string; passwordStored: boolean; queue: { slug: string } | null }[] }>('/mailboxes')).body.items.find((each) => each.address === 'reports@casework.test');
    expect(listed).toMatchObject({ folder: 'INBOX', passwordStored: true, queue: { slug: 'safety' } });
    await expectNoViolations();

    await page.getByRole('link', { name: 'reports@casework.test' }).click();
    await page.getByRole('heading', { level: 1, name: 'reports@casework.test' }).waitFor();
    // Ingest scans for new mailboxes every few seconds; the page asks again every five.
    await page.locator('.admin-facts dd.state-idle', { hasText: 'connected, up to date' }).waitFor({ timeout: 45_000 });
    const status = await eventually(async () => {
      const answer = await asAdmin<{ state: string; leaseRenewedAt: string | null }>(`/mailboxes/${listed!.id}/status`);
      return answer.body.leaseRenewedAt ? answer.body : undefined;
    }, 10_000, 'the mailbox holder’s heartbeat');
    expect(status.state).toBe('idle');
    expect(await page.getByLabel('IMAP password').inputValue()).toBe('');
    await expectNoViolations();

    expect(await page.content()).not.toContain(password);
    const bodies = await Promise.all(answers);
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodies.filter((body) => body.includes(password))).toEqual([]);
  }, 90_000);

  it('reads right to left in Arabic, and still passes axe', async () => {
    const changed = await fetch(`${suite.apiUrl}/users/${admin.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'ar' }),
    });
    expect(changed.status).toBe(200);
    await page.goto(`${origin}/admin/queues`);
    await page.getByRole('heading', { level: 1, name: 'قوائم الانتظار والوصول' }).waitFor();
    expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
    await page.getByRole('button', { name: 'أضف القائمة' }).waitFor();
    await expectNoViolations();
  });
});
