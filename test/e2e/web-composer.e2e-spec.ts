import { CaseworkSuite, freePort } from '@casework/devkit';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/poll.js';
import { createWebUser, inboxOrigin, launchChromium, newPage, seriousAccessibilityViolations, signIn } from '../support/web-browser.js';

const QUEUE_ADDRESS = 'safety@casework.test';
const SUBJECT = 'Me están acosando en un foro';
const REQUESTER = 'maria@example.es';
const CC = 'defensora@example.org';
const REPLY = 'Hemos retirado las publicaciones y bloqueado la cuenta que las subía.';
const FILE_TEXT = 'Pasos para proteger su cuenta: 1. cambie la contraseña; 2. active la verificación en dos pasos.';

interface ArticleItem {
  id: string;
  direction: string;
  text: string;
  cc: { email: string }[];
  attachments: { filename: string; size: number }[];
  delivery: { state: string; attempts: number; locale: string | null; template: { key: string } | null } | null;
}

interface TicketItem {
  id: string;
  number: string;
  subject: string | null;
  language: string | null;
  articles: ArticleItem[];
}

/**
 * The composer in Chromium against the whole suite: a Spanish mail's ticket answered with the
 * `reply` template previewed in Spanish, with a Cc and a file, until its delivery reads sent and
 * the SMTP sink holds the mail with both; a snippet inserted; a draft that outlives a reload; a
 * file too heavy refused in the page; and an axe scan with the preview open.
 */
describe('the web composer in Chromium', () => {
  let suite: CaseworkSuite;
  let browser: Browser;
  let page: Page;
  let token = '';
  let origin = '';
  let ticket: TicketItem;

  const detail = () => suite.api<TicketItem>(`/tickets/${ticket.id}`).then((response) => response.body);
  const outbound = async () => (await detail()).articles.filter((article) => article.direction === 'outbound');
  /** The page's own request, with its session: a draft is its writer's alone, not even the suite's admin reads it. */
  const draftStatus = () => page.evaluate(`fetch('/api/v1/tickets/${ticket.id}/draft', { credentials: 'same-origin' }).then((r) => r.status)`) as Promise<number>;
  const openTicket = async () => {
    await page.goto(`${origin}/tickets/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
  };

  beforeAll(async () => {
    const smtpPort = await freePort();
    suite = await CaseworkSuite.start({ env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
    origin = await inboxOrigin(suite);
    ({ token } = await createWebUser(suite, { email: 'sam@specialists.test', name: 'Sam Specialist', role: 'specialist' }));

    // A canned reply in Spanish, as an admin keeps them.
    const snippet = await suite.api('/templates', { method: 'POST', body: { key: 'gracias-paciencia', locale: 'es', kind: 'snippet', text: 'Gracias por su paciencia, {{requester.name}}.' } });
    expect(snippet.status).toBe(201);

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: `María López <${REQUESTER}>`,
      to: QUEUE_ADDRESS,
      subject: SUBJECT,
      text: 'Hola. Desde hace una semana alguien publica mis datos personales y mi dirección en un foro. Tengo miedo. ¿Qué puedo hacer?',
    });
    transport.close();
    const found = await eventually(async () => (await suite.api<{ items: TicketItem[] }>('/tickets?limit=100')).body.items.find((item) => item.subject === SUBJECT), 30_000, 'the ticket');
    ticket = (await suite.api<TicketItem>(`/tickets/${found.id}`)).body;
    expect(ticket.language).toBe('es');
    // The acknowledgement goes first; the reply below is told apart by its Cc.
    await eventually(async () => ((await outbound()).some((article) => article.delivery?.state === 'sent') ? true : undefined), 20_000, 'the acknowledgement sent');

    browser = await launchChromium();
    page = await newPage(browser);
    await signIn(page, origin, token);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  it('previews the reply template in Spanish, sends it with a Cc and a file, and shows the delivery reach sent', async () => {
    await openTicket();
    await page.getByLabel('Template', { exact: true }).selectOption('reply');
    const preview = page.getByRole('region', { name: 'Template preview' });
    await preview.getByText('Preview in Spanish (es)', { exact: false }).waitFor();
    await preview.getByText('Hola, María López:', { exact: false }).waitFor();
    await page.getByLabel('Reply').fill(REPLY);
    // The text goes into the preview as it is typed, between the Spanish salutation and signature.
    expect(await preview.locator('.preview-text').textContent()).toMatch(new RegExp(`^Hola, María López:\\n\\n${REPLY}\\n\\n`));
    await page.getByLabel('Cc').fill(CC);
    await page.getByLabel('Attach files').setInputFiles({ name: 'pasos.txt', mimeType: 'text/plain', buffer: Buffer.from(FILE_TEXT) });
    await page.getByRole('list', { name: 'Files to send' }).getByText('pasos.txt').waitFor();
    const sentAt = Date.now();
    await page.getByRole('button', { name: 'Send reply' }).click();

    // A template's reply has an HTML part: its text shows in the sandboxed frame, the file in the list below it.
    const article = page.locator('article.outbound', { hasText: 'pasos.txt' });
    await article.waitFor();
    await article.locator('iframe').contentFrame().getByText(REPLY).waitFor();
    await article.getByText('Delivery: sent', { exact: false }).waitFor({ timeout: 30_000 });
    process.stdout.write(`Send reply → "Delivery: sent" on the page: ${Date.now() - sentAt} ms\n`);

    const stored = (await outbound()).find((item) => item.text.includes(REPLY))!;
    expect(stored.delivery).toMatchObject({ state: 'sent', locale: 'es', template: { key: 'reply' } });
    expect(stored.cc.map((address) => address.email)).toEqual([CC]);
    expect(stored.attachments).toMatchObject([{ filename: 'pasos.txt', size: Buffer.byteLength(FILE_TEXT) }]);

    const mail = await suite.smtp.waitFor((caught) => caught.envelopeTo.includes(CC), 15_000);
    expect(mail.envelopeTo).toEqual(expect.arrayContaining([REQUESTER, CC]));
    const parsed = await simpleParser(mail.raw);
    expect(parsed.cc && !Array.isArray(parsed.cc) ? parsed.cc.value.map((address) => address.address) : []).toEqual([CC]);
    expect(parsed.subject).toContain(`[#${ticket.number}]`);
    expect(parsed.text).toMatch(/^Hola, María López:/);
    expect(parsed.text).toContain(REPLY);
    expect(parsed.attachments.map((file) => [file.filename, file.content.toString('utf8')])).toEqual([['pasos.txt', FILE_TEXT]]);
  });

  it('inserts a snippet rendered for the ticket into the reply', async () => {
    await openTicket();
    await page.getByLabel('Reply').fill('Hola de nuevo. ');
    await page.getByLabel('Template', { exact: true }).selectOption('gracias-paciencia');
    const preview = page.getByRole('region', { name: 'Template preview' });
    await preview.getByText('Gracias por su paciencia, María López.').waitFor();
    await preview.getByRole('button', { name: 'Insert into reply' }).click();
    expect(await page.getByLabel('Reply').inputValue()).toBe('Hola de nuevo. Gracias por su paciencia, María López.');
    // Inserted, the snippet is done with: the reply goes out as written.
    expect(await page.getByLabel('Template', { exact: true }).inputValue()).toBe('');
  });

  it('keeps the draft and its Cc across a reload, and deletes it once the reply is sent', async () => {
    await openTicket();
    await page.getByLabel('Reply').fill('Un borrador a medias, para terminar luego.');
    await page.getByLabel('Cc').fill('otra@example.org');
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor({ timeout: 5_000 });
    expect(await draftStatus()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await eventually(async () => ((await page.getByLabel('Reply').inputValue()) === 'Un borrador a medias, para terminar luego.' ? true : undefined), 10_000, 'the draft restored');
    expect(await page.getByLabel('Cc').inputValue()).toBe('otra@example.org');
    await page.getByText('Draft restored', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('article.outbound', { hasText: 'Un borrador a medias' }).waitFor();
    await eventually(async () => ((await draftStatus()) === 404 ? true : undefined), 10_000, 'the draft deleted');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.getByLabel('Reply').inputValue()).toBe('');
  });

  it('refuses files over 10 MB together in the page, and sends nothing', async () => {
    await openTicket();
    const before = (await outbound()).length;
    await page.getByLabel('Reply').fill('Con las capturas adjuntas.');
    await page.getByLabel('Attach files').setInputFiles([
      { name: 'captura-1.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024, 1) },
      { name: 'captura-2.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024, 2) },
    ]);
    await page.getByRole('alert').filter({ hasText: 'The files weigh 11.0 MB together; a reply can carry at most 10.0 MB.' }).waitFor();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/replies')) posts.push(request.url());
    });
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.waitForTimeout(1_000);
    expect(posts).toEqual([]);
    expect((await outbound()).length).toBe(before);
    await page.getByRole('button', { name: 'Remove captura-2.png' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'The files weigh' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Remove captura-1.png' }).click();
    await page.getByLabel('Reply').fill('');
  });

  it('has no serious or critical accessibility violations with the preview open', async () => {
    await openTicket();
    await page.getByLabel('Template', { exact: true }).selectOption('reply');
    await page.getByRole('region', { name: 'Template preview' }).getByText('Hola, María López:', { exact: false }).waitFor();
    await page.getByLabel('Attach files').setInputFiles({ name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('nota') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
