/**
 * `npm run demo:mail [-- --auto]`: drops a sample stakeholder email into the mailbox the ingest
 * service watches (IMAP APPEND), as if it had just been delivered.
 *
 * Without IMAP_HOST that is the dev mailbox `npm start` runs (127.0.0.1:14143, casework/casework,
 * no TLS; IMAP_PORT / IMAP_USER / IMAP_PASSWORD / IMAP_TLS override). With IMAP_HOST the IMAP_*
 * settings are read exactly as the ingest service reads them.
 *
 * --auto adds `Auto-Submitted: auto-replied`: the ticket is still opened, but no acknowledgement
 * is sent (RFC 3834 loop prevention).
 */
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { IngestSettings, loadConfigOrExit } from '@casework/config';
import { API_PREFIX, DEFAULT_API_PORT, DEV_IMAP_ENV, displayPath, knownApiToken, STATE } from './lib/dev-paths.js';

const USAGE = 'usage: npm run demo:mail [-- --auto]';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== '--auto');
if (unknown.length > 0) {
  process.stderr.write(`casework demo-mail: unknown argument ${unknown.join(' ')}\n${USAGE}\n`);
  process.exit(64); // EX_USAGE
}
const auto = args.includes('--auto');

const devMailbox = !process.env.IMAP_HOST;
const settings = loadConfigOrExit('demo-mail', IngestSettings, devMailbox ? { ...DEV_IMAP_ENV, ...withoutEmpty(process.env) } : process.env);

const sender = { name: 'Maya Lindqvist', address: 'maya.lindqvist@example.org' };
const subject = auto ? 'Automatic reply: Someone is threatening me in the forum' : 'Someone is threatening me in the forum';
const messageId = `demo-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}@example.org`;
const date = new Date();

const body = auto
  ? [
      'I am out of the office until Monday and will read your message when I am back.',
      '',
      'Maya',
    ]
  : [
      'Hello,',
      '',
      'for the past week a user called "quietstorm_77" has been replying to every post I make in',
      'the gardening forum. Yesterday they wrote that they know which town I live in and that I',
      'should "watch my back". I have not shared my address anywhere on the site.',
      '',
      'The posts are in the thread "Raised beds for beginners", page 3 and 4.',
      'Can you please look into this and tell me what I should do?',
      '',
      'Thank you,',
      'Maya Lindqvist',
    ];

const headers = [
  `From: ${sender.name} <${sender.address}>`,
  `To: ${settings.MAIL_FROM}`,
  `Subject: ${subject}`,
  `Date: ${rfc5322Date(date)}`,
  `Message-ID: <${messageId}>`,
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 7bit',
  ...(auto ? ['Auto-Submitted: auto-replied'] : []),
];
const raw = `${headers.join('\r\n')}\r\n\r\n${body.join('\r\n')}\r\n`;

const where = `${settings.IMAP_HOST}:${settings.IMAP_PORT}`;
const client = new ImapFlow({
  host: settings.IMAP_HOST,
  port: settings.IMAP_PORT,
  secure: settings.IMAP_TLS,
  auth: { user: settings.IMAP_USER, pass: settings.IMAP_PASSWORD },
  logger: false,
  connectionTimeout: 10_000,
});
// A dropped connection is reported through the failing command; unhandled it would crash.
client.on('error', () => undefined);

try {
  await client.connect();
} catch (error) {
  const hint = devMailbox ? ' Is `npm start` running? It serves the dev mailbox there.' : '';
  fail(`cannot log in to IMAP ${where} as ${settings.IMAP_USER}: ${describe(error)}.${hint}`);
}

let uid: number | undefined;
try {
  const appended = await client.append(settings.IMAP_MAILBOX, raw);
  uid = appended ? appended.uid : undefined;
} catch (error) {
  await client.logout().catch(() => undefined);
  fail(`APPEND to ${settings.IMAP_MAILBOX} on ${where} failed: ${describe(error)}`);
}
await client.logout().catch(() => undefined);

const apiBase = `http://localhost:${process.env.PORT || DEFAULT_API_PORT}/${API_PREFIX}`;
const token = knownApiToken() ?? '<token printed by npm start>';
const lines = [
  `Appended a sample email to ${settings.IMAP_MAILBOX} of ${settings.IMAP_USER} at IMAP ${where}${uid === undefined ? '' : ` (uid ${uid})`}:`,
  `  From:       ${sender.name} <${sender.address}>`,
  `  To:         ${settings.MAIL_FROM}`,
  `  Subject:    ${subject}`,
  `  Message-ID: <${messageId}>`,
  ...(auto ? ['  Auto-Submitted: auto-replied'] : []),
  '',
  auto
    ? 'The ingest service opens a ticket for it, but sends no acknowledgement: it is marked as an auto-reply.'
    : 'The ingest service picks it up within seconds and opens a ticket; the acknowledgement to the sender' +
      (devMailbox ? `\nappears as an [smtp] line in the \`npm start\` output and is saved in ${displayPath(STATE.outbox)}/.` : ' goes out through SMTP_HOST.'),
  '',
  'See the ticket:',
  `  curl -H "Authorization: Bearer ${token}" ${apiBase}/tickets`,
];
process.stdout.write(`${lines.join('\n')}\n`);

// ---------------------------------------------------------------------------------------------

function rfc5322Date(d: Date): string {
  // toUTCString gives "Mon, 24 Nov 2025 03:37:00 GMT"; RFC 5322 prefers a numeric zone.
  return d.toUTCString().replace(/GMT$/, '+0000');
}

function withoutEmpty(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { message?: string; code?: string; responseText?: string; authenticationFailed?: boolean };
  if (e.authenticationFailed) return 'authentication failed';
  return [e.code, e.responseText ?? e.message].filter(Boolean).join(' ') || 'unknown error';
}

function fail(text: string): never {
  process.stderr.write(`casework demo-mail: ${text}\n`);
  process.exit(1);
}
