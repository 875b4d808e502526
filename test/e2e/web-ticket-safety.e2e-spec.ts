import { CaseworkSuite, freePort } from '@casework/devkit';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/poll.js';
import { createWebUser, inboxOrigin, launchChromium, newPage, seriousAccessibilityViolations, signIn } from '../support/web-browser.js';

const QUEUE_ADDRESS = 'safety@casework.test';
const ORIGINAL_ID = '<first-report@reporter.example>';
const IMAGE_URL = 'https://images.example/screenshot.png';
/** A 1×1 PNG: what the intercepted image request answers. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface TicketItem {
  id: string;
  subject: string | null;
}

/**
 * What the ticket view shows a specialist about a mail's safety, in real Chromium: a remote
 * image loads only after "Show images" for that message; a stranger's follow-up is marked and
 * never the requester's; triage's categories show the phrase that matched, as text.
 */
describe('the web inbox ticket view: images, strangers and triage evidence', () => {
  let suite: CaseworkSuite;
  let browser: Browser;
  let page: Page;
  let origin = '';
  let smtpPort = 0;
  const imageRequests: string[] = [];

  const ticketBySubject = (subject: string) =>
    eventually(async () => (await suite.api<{ items: TicketItem[] }>('/tickets?limit=100')).body.items.find((ticket) => ticket.subject === subject), 30_000, `the ticket “${subject}”`);
  const send = async (mail: SendMailOptions) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ to: QUEUE_ADDRESS, ...mail });
    } finally {
      transport.close();
    }
  };

  beforeAll(async () => {
    smtpPort = await freePort();
    suite = await CaseworkSuite.start({ env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
    origin = await inboxOrigin(suite);
    browser = await launchChromium();
    page = await newPage(browser);
    // Nothing leaves this machine: the image's host is answered here, and every request to it counted.
    await page.context().route('https://images.example/**', async (route) => {
      imageRequests.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    });
    const sam = await createWebUser(suite, { email: 'sam@specialists.test', name: 'Sam Specialist', role: 'specialist' });
    await signIn(page, origin, sam.token);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  });

  it('loads a remote image only when the reader asks, for that message', async () => {
    const subject = 'Screenshot of the post';
    await send({ from: 'Rita Reporter <rita@example.org>', subject, messageId: ORIGINAL_ID, text: 'See the screenshot.', html: `<p>See the screenshot:</p><img src="${IMAGE_URL}" alt="the post">` });
    const ticket = await ticketBySubject(subject);
    await page.goto(`${origin}/tickets/${ticket.id}`);
    const frame = page.locator('iframe[title="Message from Rita Reporter"]');
    await frame.waitFor();
    const content = (await (await frame.elementHandle())!.contentFrame())!;
    await content.getByText('See the screenshot:').waitFor();
    await page.waitForTimeout(500);
    expect(await content.locator('img').count()).toBe(0);
    expect(imageRequests).toEqual([]);

    await page.getByText('1 remote image(s) withheld').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show images' }).click();
    await eventually(async () => (imageRequests.length > 0 ? true : undefined), 10_000, 'the image requested once shown');
    expect(imageRequests).toEqual([IMAGE_URL]);
    const shown = (await (await page.locator('iframe[title="Message from Rita Reporter"]').elementHandle())!.contentFrame())!;
    expect(await shown.locator('img').getAttribute('src')).toBe(IMAGE_URL);
    expect(await page.getByRole('button', { name: 'Show images' }).count()).toBe(0);
  });

  it("marks a stranger's follow-up as an unknown sender, not the requester's", async () => {
    const ticket = await ticketBySubject('Screenshot of the post');
    await send({ from: 'Eve Stranger <eve@example.net>', subject: 'Re: Screenshot of the post', inReplyTo: ORIGINAL_ID, references: [ORIGINAL_ID], text: 'I know where she lives.' });
    await eventually(async () => {
      const { body } = await suite.api<{ articles: { text: string; flagged: string | null }[] }>(`/tickets/${ticket.id}`);
      return body.articles.find((article) => article.text.includes('I know where she lives') && article.flagged === 'unknown_sender');
    }, 30_000, 'the flagged follow-up');
    await page.goto(`${origin}/tickets/${ticket.id}`);
    const stranger = page.locator('article.flagged', { hasText: 'I know where she lives.' });
    await stranger.waitFor();
    await stranger.getByText('unknown sender').waitFor();
    await stranger.getByText('Not from anyone on this ticket').waitFor();
    expect(await page.locator('article.flagged').count()).toBe(1);
  });

  it('shows what triage found and the phrase that matched, as text', async () => {
    const subject = 'He keeps threatening me';
    const threat = 'I am going to kill you tonight <b onmouseover="window.__pwned=1">';
    await send({ from: 'Rita Reporter <rita@example.org>', subject, text: `He wrote to me: "${threat}". Please help.` });
    const ticket = await ticketBySubject(subject);
    const { body } = await eventually(async () => {
      const detail = await suite.api<{ triage: { level: number; categories: { category: string; evidence: string | null }[] } }>(`/tickets/${ticket.id}`);
      return detail.body.triage.level > 0 ? detail : undefined;
    }, 30_000, 'the ticket triaged');
    const hit = body.triage.categories.find((category) => category.category === 'threat')!;
    expect(hit.evidence).toBeTruthy();
    await page.goto(`${origin}/tickets/${ticket.id}`);
    const region = page.getByRole('region', { name: 'Triage' });
    await region.getByText('threat').first().waitFor();
    expect(await region.locator('q').first().textContent()).toBe(hit.evidence);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
