import { CaseworkSuite, freePort } from '@casework/devkit';
import nodemailer from 'nodemailer';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/poll.js';
import { createWebUser, inboxOrigin, launchChromium, newPage, seriousAccessibilityViolations, signIn } from '../support/web-browser.js';

const QUEUE_ADDRESS = 'safety@casework.test';
const LEAD_EMAIL = 'lena@leads.test';
const RULE_NAME = 'Urgent mail is high priority';
const SECOND_RULE = 'Court orders are tagged legal';
const URGENT_SUBJECT = 'URGENT: my account was taken over';
const CALM_SUBJECT = 'A question about my settings';
const ADDED_LINE = 'Gracias por su paciencia: le responderemos pronto.';

interface TemplateItem {
  id: string;
  key: string;
  locale: string;
  queueId: string | null;
  version: number;
  text: string;
}

type QueueItem = Record<'id' | 'name' | 'address', string> & { retentionDays: number | null; timeZone: string | null; reopenWindowDays: number };

interface TicketItem {
  id: string;
  subject: string | null;
  priority: string;
}

/** A mail as pasted into the dry run: headers, blank line, body (the page sends CRLF). */
const pastedMail = (subject: string) => `From: Rita Reporter <rita@example.org>\nTo: ${QUEUE_ADDRESS}\nSubject: ${subject}\nMessage-ID: <dry-run-${Date.now()}@example.org>\n\nSomeone changed my password and my e-mail address.`;

/**
 * A lead sets up Casework in the browser, in real Chromium against the whole suite: edits the
 * Spanish acknowledgement (a new version; an unknown variable is refused with its line, nothing
 * saved; the preview renders it), adds a rule with the form, dry-runs a pasted mail against it,
 * and sees a real mail over SMTP routed by it. An admin finds the rule's creation in the audit
 * log, verifies the hash chain, and sees the break after a row is altered in the database. The
 * admin sets a queue's retention and time zone (refused values shown by their fields), and the
 * lead reorders two rules by keyboard. A specialist cannot reach any of these pages. Every page
 * passes axe.
 */
describe('the admin pages for templates, rules and the audit log in Chromium', () => {
  let suite: CaseworkSuite;
  let browser: Browser;
  let page: Page;
  let origin = '';
  let smtpPort = 0;
  let leadToken = '';
  let adminToken = '';
  let specialistToken = '';

  const template = async () => {
    const { body } = await suite.api<{ items: TemplateItem[] }>('/templates?key=acknowledgement&locale=es');
    const global = body.items.find((item) => item.queueId === null);
    if (!global) throw new Error(`no global Spanish acknowledgement: ${JSON.stringify(body)}`);
    return global;
  };
  const versions = async (id: string) => (await suite.api<{ items: { version: number; text: string }[] }>(`/templates/${id}/versions`)).body.items;
  const ticketBySubject = (subject: string) =>
    eventually(async () => (await suite.api<{ items: TicketItem[] }>('/tickets?limit=100')).body.items.find((ticket) => ticket.subject === subject), 30_000, `the ticket “${subject}”`);

  beforeAll(async () => {
    smtpPort = await freePort();
    suite = await CaseworkSuite.start({ env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
    origin = await inboxOrigin(suite);
    ({ token: leadToken } = await createWebUser(suite, { email: LEAD_EMAIL, name: 'Lena Lead', role: 'lead' }));
    ({ token: adminToken } = await createWebUser(suite, { email: 'ada@admins.test', name: 'Ada Admin', role: 'admin' }));
    ({ token: specialistToken } = await createWebUser(suite, { email: 'sam@specialists.test', name: 'Sam Specialist', role: 'specialist' }));
    browser = await launchChromium();
    page = await newPage(browser);
    await signIn(page, origin, leadToken);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  it('lists the templates, filtered by key and language, and passes axe', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await page.getByRole('link', { name: 'acknowledgement (en)', exact: true }).waitFor();
    await page.getByLabel('Language', { exact: true }).first().selectOption('es');
    await page.getByRole('link', { name: 'acknowledgement (en)', exact: true }).waitFor({ state: 'detached' });
    await page.getByLabel('Key', { exact: true }).first().fill('acknow');
    const link = page.getByRole('link', { name: 'acknowledgement (es)', exact: true });
    await link.waitFor();
    // Only Spanish templates whose key has "acknow" are left.
    const rows = page.locator('table.config-table tbody tr');
    expect(await rows.evaluateAll((all) => all.every((row) => row.children[1]?.textContent === 'es' && row.children[0]?.textContent?.includes('acknow')))).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Template acknowledgement (es)' }).waitFor();
  });

  it('saves an edit of the Spanish text as a new version', async () => {
    const before = await template();
    const earlier = await versions(before.id);
    const text = page.getByLabel('Text part', { exact: true });
    await text.fill(`${before.text}\n\n${ADDED_LINE}`);
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText(`Saved as version ${before.version + 1}.`).waitFor();
    const after = await versions(before.id);
    expect(after).toHaveLength(earlier.length + 1);
    expect(after[0]).toMatchObject({ version: before.version + 1 });
    expect(after[0].text).toContain(ADDED_LINE);
    // The history on the page lists the new version too.
    await page.getByRole('region', { name: 'Version history' }).getByText(`version ${before.version + 1}`, { exact: false }).first().waitFor();
  });

  it('refuses an unknown variable with its line, next to the text, and saves nothing', async () => {
    const before = await template();
    const count = (await versions(before.id)).length;
    await page.getByLabel('Text part', { exact: true }).fill('Hola,\n{{unknownThing}}\n');
    await page.getByRole('button', { name: 'Save new version' }).click();
    const problem = page.locator('#template-text-problems');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/line 2.*unknownThing/);
    expect(await page.getByLabel('Text part', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await versions(before.id)).length).toBe(count);
    expect((await template()).text).toBe(before.text);
  });

  it('previews the stored text with a sample, its HTML only in a sandboxed frame, and passes axe', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Template acknowledgement (es)' }).waitFor();
    await page.getByRole('button', { name: 'Show preview' }).click();
    const rendered = page.getByRole('region', { name: 'Rendered mail' });
    await rendered.waitFor();
    expect(await rendered.locator('pre').textContent()).toContain(ADDED_LINE);
    const frame = rendered.locator('iframe');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain('Gracias por su paciencia');
    // What the frame shows: the HTML part made from the edited text.
    expect(await page.frameLocator('.preview-result iframe').locator('body').textContent()).toContain(ADDED_LINE);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('creates a snippet from the library page, and deletes it after asking twice', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Templates' }).click();
    const form = page.getByRole('region', { name: 'New template' });
    await form.getByLabel('Key', { exact: true }).fill('e2e-thanks');
    await form.getByLabel('Language', { exact: true }).selectOption('fr');
    await form.getByLabel('Kind', { exact: true }).selectOption('snippet');
    await form.getByLabel('Text part', { exact: true }).fill('Merci pour votre signalement.');
    await form.getByRole('button', { name: 'Create template' }).click();
    await page.getByRole('heading', { level: 1, name: 'Template e2e-thanks (fr)' }).waitFor();
    const listed = async () => (await suite.api<{ items: TemplateItem[] }>('/templates?key=e2e-thanks')).body.items;
    expect(await listed()).toMatchObject([{ key: 'e2e-thanks', locale: 'fr', version: 1, text: 'Merci pour votre signalement.' }]);
    await page.getByRole('button', { name: 'Delete this template' }).click();
    await page.getByRole('button', { name: 'Really delete this template' }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    expect(await listed()).toEqual([]);
  });

  it('tries the unsaved rule on a pasted mail, adds it with the form, and a dry run of the stored rules shows it matched and the priority high', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Routing rules' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(RULE_NAME);
    await page.getByLabel('Field', { exact: true }).selectOption('subject');
    await page.getByLabel('Test', { exact: true }).selectOption('contains');
    await page.getByLabel('Value', { exact: true }).fill('urgent');
    await page.getByLabel('Set priority', { exact: true }).selectOption('high');
    const result = page.getByRole('region', { name: 'Dry-run result' });
    const mailBox = page.getByLabel('A mail as raw text (headers, blank line, body)');
    const tryDraft = page.getByLabel('Try only the rule in the editor (unsaved)');

    // Before saving: the unsaved rule alone, tried against the pasted mail.
    await mailBox.fill(pastedMail(URGENT_SUBJECT));
    await tryDraft.check();
    await page.getByRole('button', { name: 'Try the rules' }).click();
    await result.getByText('Tried against 1 candidate rules.', { exact: false }).waitFor();
    expect(await result.locator('.matched-rules li').textContent()).toContain(RULE_NAME);
    expect((await suite.api<{ items: { name: string }[] }>('/rules')).body.items.map((rule) => rule.name)).not.toContain(RULE_NAME);
    await tryDraft.uncheck();

    await page.getByRole('button', { name: 'Add rule' }).click();
    const row = page.locator('table.rules-table tbody tr', { hasText: RULE_NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain('subject contains "urgent"');
    const { body } = await suite.api<{ items: { name: string; when: unknown; then: unknown; enabled: boolean }[] }>('/rules');
    expect(body.items.find((rule) => rule.name === RULE_NAME)).toMatchObject({ enabled: true, when: { field: 'subject', op: 'contains', value: 'urgent' }, then: [{ type: 'setPriority', priority: 'high' }] });

    await page.getByRole('button', { name: 'Try the rules' }).click();
    await result.getByText('enabled rules in use', { exact: false }).waitFor();
    await result.locator('.matched-rules li', { hasText: RULE_NAME }).waitFor();
    expect(await result.locator('dt:text-is("Priority") + dd').textContent()).toBe('high');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A mail the rule does not match: no match, priority unchanged.
    await mailBox.fill(pastedMail(CALM_SUBJECT));
    await page.getByRole('button', { name: 'Try the rules' }).click();
    await result.getByText('No rule matches this mail.').waitFor();
    expect(await result.locator('dt:text-is("Priority") + dd').textContent()).toBe('unchanged');
  });

  it('routes a real mail over SMTP by the new rule', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'Rita Reporter <rita@example.org>', to: QUEUE_ADDRESS, subject: URGENT_SUBJECT, text: 'Someone changed my password.' });
    await transport.sendMail({ from: 'Rita Reporter <rita@example.org>', to: QUEUE_ADDRESS, subject: CALM_SUBJECT, text: 'Where do I change the language?' });
    transport.close();
    const urgent = await ticketBySubject(URGENT_SUBJECT);
    const calm = await ticketBySubject(CALM_SUBJECT);
    expect((await suite.api<TicketItem>(`/tickets/${urgent.id}`)).body.priority).toBe('high');
    expect((await suite.api<TicketItem>(`/tickets/${calm.id}`)).body.priority).not.toBe('high');
  });

  it('shows the admin the rule’s creation by the lead, verifies the chain, and shows where it breaks after tampering', async () => {
    const adminPage = await newPage(browser);
    await signIn(adminPage, origin, adminToken);
    await adminPage.goto(`${origin}/admin/audit`);
    await adminPage.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await adminPage.locator('table.audit-table tbody tr').first().waitFor();
    await adminPage.getByLabel('Action', { exact: true }).fill('rule.created');
    await adminPage.getByRole('button', { name: 'Apply filters' }).click();
    const created = adminPage.locator('table.audit-table tbody tr', { hasText: 'rule.created' });
    await created.filter({ hasText: LEAD_EMAIL }).waitFor();
    expect(await adminPage.locator('table.audit-table tbody tr').count()).toBe(1);

    const verdict = adminPage.locator('.verify-chain [role="status"]');
    await adminPage.getByRole('button', { name: 'Verify chain' }).click();
    await verdict.getByText(/The chain holds: \d+ events checked/).waitFor();
    expect(await seriousAccessibilityViolations(adminPage)).toEqual([]);

    const { body } = await suite.api<{ items: { id: string }[] }>('/audit?action=rule.created');
    const victim = body.items[0].id;
    const db = new pg.Client({ connectionString: suite.database.url });
    await db.connect();
    try {
      // As apps/api/test/audit.int-spec.ts does: the append-only trigger off, one row rewritten, the trigger back.
      await db.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
      const { rowCount } = await db.query(`UPDATE audit_event SET details = '{"name":"nothing to see"}' WHERE id = $1`, [victim]);
      expect(rowCount).toBe(1);
      await db.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    } finally {
      await db.end();
    }
    await adminPage.getByRole('button', { name: 'Verify chain' }).click();
    await verdict.getByText(`The chain is broken at event ${victim}`, { exact: false }).waitFor();
    // The altered event is marked in the table below.
    expect(await adminPage.locator('table.audit-table tr.broken').textContent()).toContain(LEAD_EMAIL);
    await adminPage.context().close();
  });

  it('changes a queue’s retention and time zone in the page, each refused value shown by its field, and passes axe', async () => {
    const safety = async () => (await suite.api<{ items: QueueItem[] }>('/queues')).body.items.find((queue) => queue.address === QUEUE_ADDRESS)!;
    const before = await safety();
    const adminPage = await newPage(browser);
    await signIn(adminPage, origin, adminToken);
    await adminPage.goto(`${origin}/admin/queues/${before.id}`);
    await adminPage.getByRole('heading', { level: 1, name: before.name }).waitFor();
    const retention = adminPage.getByLabel('Purge closed tickets after (days)', { exact: true });
    const zone = adminPage.getByLabel('Time zone of the dates in its mail', { exact: true });
    await retention.fill('0');
    await zone.fill('Mars/Olympus_Mons');
    await adminPage.getByRole('button', { name: 'Save changes' }).click();
    // The API's own words, each under its field and tied to it; nothing saved.
    await adminPage.locator('#queue-retention-problem', { hasText: 'retentionDays must not be less than 1' }).waitFor();
    expect(await adminPage.locator('#queue-zone-problem').textContent()).toContain('timeZone must be an IANA time zone');
    expect(await retention.getAttribute('aria-invalid')).toBe('true');
    expect(await zone.getAttribute('aria-describedby')).toBe('queue-zone-hint queue-zone-problem');
    expect(await seriousAccessibilityViolations(adminPage)).toEqual([]);
    expect(await safety()).toMatchObject({ retentionDays: before.retentionDays, timeZone: before.timeZone });

    await retention.fill('365');
    await zone.fill('Europe/Berlin');
    await adminPage.getByRole('button', { name: 'Save changes' }).click();
    await adminPage.getByText('Changes saved.').waitFor();
    expect(await safety()).toMatchObject({ retentionDays: 365, timeZone: 'Europe/Berlin', reopenWindowDays: before.reopenWindowDays });
    expect(await adminPage.locator('#queue-retention-problem').count()).toBe(0);
    expect(await seriousAccessibilityViolations(adminPage)).toEqual([]);
    await adminPage.context().close();
  });

  it('reorders two rules by keyboard, keeping focus on the moved rule, and the API lists them in the new order', async () => {
    const rules = async () => (await suite.api<{ items: { name: string; position: number }[] }>('/rules')).body.items;
    const created = await suite.api('/rules', { method: 'POST', body: { name: SECOND_RULE, when: { field: 'subject', op: 'contains', value: 'court order' }, then: [{ type: 'addTags', tags: ['legal'] }] } });
    expect(created.status).toBe(201);
    await page.goto(`${origin}/admin/rules`);
    const rows = page.locator('table.rules-table tbody tr');
    await rows.filter({ hasText: SECOND_RULE }).waitFor();
    expect((await rules()).map((rule) => rule.name)).toEqual([RULE_NAME, SECOND_RULE]);

    await page.getByRole('button', { name: `Move ${SECOND_RULE} up` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`“${SECOND_RULE}” is now rule 1 of 2.`).waitFor();
    const saved = await rules();
    expect(saved.map((rule) => rule.name)).toEqual([SECOND_RULE, RULE_NAME]);
    expect(saved[0].position).toBeLessThan(saved[1].position);
    expect(await rows.evaluateAll((all) => all.map((row) => row.children[1]?.textContent))).toEqual([SECOND_RULE, RULE_NAME]);
    // At the top its up button is off: focus is on its down button, so the keyboard can carry on.
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(`Move ${SECOND_RULE} down`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('Space');
    await page.getByRole('status').getByText(`“${SECOND_RULE}” is now rule 2 of 2.`).waitFor();
    expect((await rules()).map((rule) => rule.name)).toEqual([RULE_NAME, SECOND_RULE]);
  });

  it('lays the pages out right to left in Arabic, in Arabic, and they pass axe', async () => {
    const { token } = await createWebUser(suite, { email: 'layla@leads.test', name: 'Layla Lead', role: 'lead', locale: 'ar' });
    const arabic = await newPage(browser);
    await arabic.goto(`${origin}/`);
    await arabic.getByLabel('API token').fill(token);
    await arabic.getByRole('button', { name: 'Sign in' }).click();
    // Signed in (the session cookie set) before navigating away: a navigation would cut the exchange short.
    await arabic.getByRole('navigation', { name: 'قوائم الانتظار' }).waitFor();
    for (const [path, heading] of [
      ['/admin/templates', 'القوالب'],
      ['/admin/rules', 'قواعد التوجيه'],
      ['/admin/audit', 'سجل التدقيق'],
    ]) {
      await arabic.goto(`${origin}${path}`);
      await arabic.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await arabic.evaluate('document.documentElement.dir')).toBe('rtl');
      expect(await seriousAccessibilityViolations(arabic)).toEqual([]);
    }
    await arabic.context().close();
  });

  it('keeps a specialist out of these pages (the API refuses them too)', async () => {
    const specialistPage = await newPage(browser);
    await signIn(specialistPage, origin, specialistToken);
    expect(await specialistPage.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    for (const path of ['/admin/templates', '/admin/rules', '/admin/audit']) {
      await specialistPage.goto(`${origin}${path}`);
      await specialistPage.waitForURL(`${origin}/mine`);
      expect(await specialistPage.getByRole('navigation', { name: 'Administration' }).count()).toBe(0);
    }
    const asSpecialist = (path: string, init: RequestInit = {}) => fetch(`${suite.apiUrl}${path}`, { ...init, headers: { authorization: `Bearer ${specialistToken}`, 'content-type': 'application/json' } });
    expect((await asSpecialist('/rules')).status).toBe(403);
    expect((await asSpecialist('/audit')).status).toBe(403);
    const { id } = await template();
    expect((await asSpecialist(`/templates/${id}`, { method: 'PUT', body: JSON.stringify({ text: 'taken over' }) })).status).toBe(403);
    await specialistPage.context().close();
  });
});
