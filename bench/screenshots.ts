/**
 * npm run screenshots — the README's pictures of the web inbox, from the real suite: five
 * stakeholder mails pushed over SMTP (a harassment report, a Spanish question, an Arabic mail,
 * a doxxing report whose first-response clock is then breached, an appeal), a lead signed in
 * in Debian's Chromium at 1280×800, on call for the day. Saves docs/screenshots/inbox.png (the
 * Safety queue), ticket.png (the harassment report after a reply and a note) and ops.png.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CaseworkSuite, freePort } from '@casework/devkit';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { eventually } from '../test/support/poll.js';
import { createWebUser, inboxOrigin, launchChromium, signIn } from '../test/support/web-browser.js';

const QUEUE_ADDRESS = 'safety@casework.test';
/** docs/screenshots/ seen from dist/bench/ (the build). */
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const HARASSMENT = 'Harassment from @nightowl_77 after my stream';
const BREACHED = 'My home address is in a pinned post';

const MAILS: { from: string; subject: string; text: string }[] = [
  {
    from: 'Kenji Sato <kenji.sato@example.jp>',
    subject: 'Appeal: my account was suspended by mistake',
    text: 'Hello,\n\nMy account @kenji_draws was suspended yesterday for "spam", but I only posted my own artwork. Could someone review it?\n\nThank you,\nKenji',
  },
  {
    from: 'Tom Becker <tom.becker@example.de>',
    subject: BREACHED,
    text: 'Someone pinned a post with my street address and a photo of my front door. It has been shared 300 times since this morning. Please take it down.\n\nTom',
  },
  {
    from: 'ليلى حداد <layla.haddad@example.org>',
    subject: 'شخص ينشر عنواني وصور منزلي',
    text: 'مرحباً،\n\nهناك حساب ينشر عنواني وصوراً لمنزلي في كل تعليق على منشوراتي. أشعر بالخوف على عائلتي. أرجو المساعدة في أسرع وقت.\n\nليلى',
  },
  {
    from: 'Marta Gómez <marta.gomez@example.es>',
    subject: '¿Cómo denuncio una cuenta que suplanta mi identidad?',
    text: 'Hola:\n\nAlguien ha creado una cuenta con mi nombre y mis fotos y está escribiendo a mis contactos para pedirles dinero. ¿Qué tengo que hacer para denunciarla?\n\nGracias,\nMarta',
  },
  {
    from: 'Priya Raman <priya.raman@example.org>',
    subject: HARASSMENT,
    text:
      'Hi,\n\nSince my stream on Friday the account @nightowl_77 has been replying to every post of mine with insults and threats, and tonight it posted screenshots of my messages with my family. ' +
      'I have blocked it, but new accounts with the same name keep appearing.\n\nLinks: https://example.social/@nightowl_77/status/8812 and /8830\n\nPlease help,\nPriya',
  },
];

async function main(): Promise<void> {
  const smtpPort = await freePort();
  const suite = await CaseworkSuite.start({ env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await suite.stop();
    throw error;
  });
  try {
    const origin = await inboxOrigin(suite);
    const lead = await createWebUser(suite, { email: 'lena.lead@casework.test', name: 'Lena Lead', role: 'lead' });
    const now = Date.now();
    const shift = await suite.api('/oncall/shifts', { method: 'POST', body: { name: 'Lena Lead', email: 'lena.lead@casework.test', from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 8 * 3_600_000).toISOString() } });
    if (shift.status !== 201) throw new Error(`the on-call shift: ${shift.status} ${JSON.stringify(shift.body)}`);

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    // Oldest first, a second apart, so the list's "updated" column reads naturally.
    for (const mail of MAILS) {
      await transport.sendMail({ ...mail, to: QUEUE_ADDRESS });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    transport.close();
    const ticketOf = (subject: string) =>
      eventually(async () => (await suite.api<{ items: { id: string; subject: string }[] }>('/tickets?limit=100')).body.items.find((ticket) => ticket.subject === subject), 30_000, `the ticket “${subject}”`);
    const [harassment, breached] = await Promise.all([ticketOf(HARASSMENT), ticketOf(BREACHED), ...MAILS.slice(2).map((mail) => ticketOf(mail.subject))]);

    // As the notification service leaves a clock it fired: due 25 minutes ago.
    const db = new pg.Client({ connectionString: suite.database.url });
    await db.connect();
    try {
      await db.query(`UPDATE sla_clock SET state = 'breached', breached_at = now() - interval '25 minutes', due_at = now() - interval '25 minutes' WHERE ticket_id = $1 AND kind = 'first_response'`, [breached.id]);
    } finally {
      await db.end();
    }

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
    await signIn(page, origin, lead.token);
    await mkdir(OUT, { recursive: true });

    await page.goto(`${origin}/queues/safety`);
    await eventually(async () => ((await page.locator('table.tickets tbody tr').count()) === MAILS.length ? true : undefined), 15_000, 'every mail in the list');
    await page.screenshot({ path: `${OUT}inbox.png` });

    await page.goto(`${origin}/tickets/${harassment.id}`);
    await page.getByRole('heading', { level: 1, name: HARASSMENT }).waitFor();
    await page.getByLabel('Reply').fill(
      'Hi Priya,\n\nThank you for the links. We have suspended @nightowl_77 and the accounts that copy its name, and removed the screenshots. If a new one appears, reply to this mail and we will act on it the same day.\n\nLena, Trust & Safety',
    );
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('article.outbound').waitFor();
    await page.getByLabel('Note').fill('Ban evasion: 4 accounts so far, same device. Flagged to the platform team.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('article', { hasText: 'Ban evasion' }).waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('Lena Lead').first().waitFor();
    // The top of the ticket: its heading, controls, the requester's mail and the side panels.
    await page.evaluate('document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${OUT}ticket.png` });

    await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Ops' }).click();
    await page.getByRole('region', { name: 'Breached' }).getByRole('link').first().waitFor();
    await page.getByRole('region', { name: 'On call now' }).getByText('Lena Lead').waitFor();
    await page.screenshot({ path: `${OUT}ops.png` });
    console.log(`saved ${OUT}inbox.png, ticket.png, ops.png`);
  } finally {
    await browser.close();
    await suite.stop();
  }
}

await main();
