import { CaseworkSuite, freePort } from '@casework/devkit';
import nodemailer from 'nodemailer';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/poll.js';
import { createWebUser, inboxOrigin, launchChromium, newPage, seriousAccessibilityViolations, signIn } from '../support/web-browser.js';

const QUEUE_ADDRESS = 'safety@casework.test';
const SUBJECTS = { threat: 'They said they will find me at the meetup', spam: 'Question about my account name', old: 'Harassment in the forum comments' };

interface TicketItem {
  id: string;
  subject: string | null;
  updatedAt: string;
}

/**
 * The ticket list's queue counts, filters and sort, and the inbox in another UI locale and time
 * zone: an Arabic-speaking specialist in Tokyo gets an Arabic, right-to-left page with dates in
 * Tokyo time, in real Chromium against the whole suite.
 */
describe('the web inbox list, filters and locales in Chromium', () => {
  let suite: CaseworkSuite;
  let browser: Browser;
  let page: Page;
  let origin = '';
  const tickets = new Map<string, TicketItem>();

  const sql = async (text: string, values: unknown[]) => {
    const db = new pg.Client({ connectionString: suite.database.url });
    await db.connect();
    try {
      return await db.query(text, values);
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    const smtpPort = await freePort();
    suite = await CaseworkSuite.start({ env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
    origin = await inboxOrigin(suite);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    // One at a time: mail routed in one batch shares its transaction's creation time, and the
    // "newest first" order below needs three distinct ones.
    for (const subject of Object.values(SUBJECTS)) {
      await transport.sendMail({ from: 'Rita Reporter <rita@example.org>', to: QUEUE_ADDRESS, subject, text: `${subject}. Please help.` });
      const found = await eventually(async () => (await suite.api<{ items: TicketItem[] }>('/tickets?limit=100')).body.items.find((ticket) => ticket.subject === subject), 30_000, `the ticket “${subject}”`);
      tickets.set(subject, found);
    }
    transport.close();
    await suite.api(`/tickets/${tickets.get(SUBJECTS.threat)!.id}`, { method: 'PATCH', body: { priority: 'high' } });
    // As the notification service leaves a clock it fired.
    await sql(`UPDATE sla_clock SET state = 'breached', breached_at = now(), due_at = now() - interval '5 minutes' WHERE ticket_id = $1 AND kind = 'first_response'`, [tickets.get(SUBJECTS.old)!.id]);
    browser = await launchChromium();
    page = await newPage(browser);
    const sam = await createWebUser(suite, { email: 'sam@specialists.test', name: 'Sam Specialist', role: 'specialist' });
    await signIn(page, origin, sam.token);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  const rowSubjects = async () => page.locator('table.tickets tbody tr td:nth-child(2)').allTextContents();

  it('shows open and breached counts beside each queue', async () => {
    const safety = page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /Safety/ });
    await safety.getByText('3 open').waitFor();
    await safety.getByText('1 breached').waitFor();
  });

  it('filters by priority and by breached clocks, sorts, and keeps the choice in the URL across a reload', async () => {
    await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /Safety/ }).click();
    await page.locator('table.tickets tbody tr').nth(2).waitFor();
    expect((await rowSubjects()).sort()).toEqual(Object.values(SUBJECTS).sort());

    await page.getByLabel('Priority filter').selectOption('high');
    await eventually(async () => ((await rowSubjects()).join('|') === SUBJECTS.threat ? true : undefined), 20_000, 'only the high-priority ticket');
    expect(page.url()).toContain('priority=high');
    await page.reload();
    await page.locator('table.tickets tbody tr').first().waitFor();
    expect(await rowSubjects()).toEqual([SUBJECTS.threat]);
    expect(await page.getByLabel('Priority filter').inputValue()).toBe('high');

    await page.getByLabel('Priority filter').selectOption('');
    await page.getByLabel('Breached only').check();
    await eventually(async () => ((await rowSubjects()).join('|') === SUBJECTS.old ? true : undefined), 20_000, 'only the breached ticket');
    await page.getByLabel('Breached only').uncheck();

    // Newest first: the mails were sent in the order of SUBJECTS.
    await page.getByLabel('Sort').selectOption('created');
    await eventually(async () => ((await rowSubjects()).join('|') === [SUBJECTS.old, SUBJECTS.spam, SUBJECTS.threat].join('|') ? true : undefined), 20_000, 'newest first');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shows an Arabic-speaking specialist in Tokyo an Arabic page, right-to-left, with dates in Tokyo time', async () => {
    const layla = await createWebUser(suite, { email: 'layla@specialists.test', name: 'Layla', role: 'specialist', locale: 'ar', timeZone: 'Asia/Tokyo' });
    const theirs = await newPage(browser);
    try {
      await theirs.goto(`${origin}/`);
      await theirs.getByLabel('API token').fill(layla.token);
      await theirs.getByRole('button', { name: 'Sign in' }).click();
      const nav = theirs.getByRole('navigation', { name: 'قوائم الانتظار' });
      await nav.waitFor();
      expect(await theirs.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['ar', 'rtl']);
      await nav.getByRole('link', { name: /Safety/ }).click();
      const ticket = tickets.get(SUBJECTS.threat)!;
      const row = theirs.locator('table.tickets tbody tr', { hasText: SUBJECTS.threat });
      await row.waitFor();
      const { body } = await suite.api<TicketItem>(`/tickets/${ticket.id}`);
      const tokyo = new Intl.DateTimeFormat('ar', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(body.updatedAt));
      expect(await row.locator('time').textContent()).toBe(tokyo);
      expect(await row.getByText('عالية').count()).toBe(1);
      await row.click();
      await theirs.getByRole('button', { name: 'إرسال الرد' }).waitFor();
      expect(await theirs.getByLabel('الرد', { exact: true }).count()).toBe(1);
      expect(await seriousAccessibilityViolations(theirs)).toEqual([]);
    } finally {
      await theirs.context().close();
    }
  });

  it('lets a specialist choose their own language and time zone, and the page follows at once', async () => {
    await page.getByRole('link', { name: /^Preferences/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your preferences' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByLabel('Time zone').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('navigation', { name: 'Files' }).waitFor();
    const { body } = await suite.api<{ items: { email: string; locale: string; timeZone: string }[] }>('/users');
    expect(body.items.find((user) => user.email === 'sam@specialists.test')).toMatchObject({ locale: 'fr', timeZone: 'America/New_York' });
    await page.getByRole('navigation', { name: 'Files' }).getByRole('link', { name: /Safety/ }).click();
    const row = page.locator('table.tickets tbody tr', { hasText: SUBJECTS.threat });
    await row.waitFor();
    const { body: ticket } = await suite.api<TicketItem>(`/tickets/${tickets.get(SUBJECTS.threat)!.id}`);
    const newYork = new Intl.DateTimeFormat('fr', { dateStyle: 'short', timeStyle: 'short', timeZone: 'America/New_York' }).format(new Date(ticket.updatedAt));
    expect(await row.locator('time').textContent()).toBe(newYork);
  });
});
