/** The banner `npm start` prints once everything is up: where each part is, and how to try it. */
import { redactUrl } from '@casework/devkit';
import type { Backend } from './backing-servers.js';
import { bold } from './dev-output.js';
import { API_PREFIX, DEV_MAIL, displayLinkedPath, displayPath, DOCS_PATH, STATE } from './dev-paths.js';
import { WORKERS, type DevPorts } from './dev-ports.js';
import type { DemoSpecialist } from './demo-specialist.js';
import type { ApiToken } from './dev-settings.js';

interface BannerInputs {
  ports: DevPorts;
  token: ApiToken;
  specialist: DemoSpecialist;
  devMail: boolean;
  postgres: Backend;
  nats: Backend;
}

export function printBanner({ ports, token, specialist, devMail, postgres, nats }: BannerInputs): void {
  const base = `http://localhost:${ports.api}`;
  const rule = '─'.repeat(78);
  const row = (label: string, value: string): string => `  ${label.padEnd(12)}${value}`;
  const lines = [
    '',
    rule,
    bold('  casework is running'),
    '',
    row('Inbox', `${base}/   (the web inbox: sign in with a token below)`),
    row('API', `${base}/${API_PREFIX}`),
    row('API docs', `${base}/${DOCS_PATH}`),
    row('API token', `${token.value}   (admin: bootstrap@casework.local; ${token.source})`),
    row('Specialist', `${specialist.token}   (${specialist.email}; ${specialist.source})`),
    row('Try', `curl -H "Authorization: Bearer ${token.value}" ${base}/${API_PREFIX}/tickets`),
    '',
  ];
  if (devMail) {
    lines.push(
      row('Mailbox', `IMAP ${DEV_MAIL.host}:${DEV_MAIL.imapPort}, user ${DEV_MAIL.user} / password ${DEV_MAIL.password} (Dovecot, ${displayLinkedPath(STATE.dovecot)})`),
      row('Outbox', `acknowledgements and other sent mail are caught on SMTP ${DEV_MAIL.host}:${DEV_MAIL.smtpPort}`),
      row('', `and saved to ${displayPath(STATE.outbox)}/ (one .eml per mail; [smtp] lines below)`),
      row('Demo mail', 'npm run demo:mail            drops a sample email into the dev mailbox'),
      row('', 'npm run demo:mail -- --auto  the same as an auto-reply (no acknowledgement)'),
    );
  } else {
    lines.push(
      row('Mailbox', `IMAP ${process.env.IMAP_HOST}:${process.env.IMAP_PORT ?? '993'} (from the environment)`),
      row('Outbox', `SMTP ${process.env.SMTP_HOST ?? '127.0.0.1'}:${process.env.SMTP_PORT ?? '25'} (from the environment)`),
    );
  }
  lines.push(
    row('PostgreSQL', `${redactUrl(postgres.url)} (${postgres.origin})`),
    row('NATS', `${nats.url} (${nats.origin})`),
    row('Health', `${base}/${API_PREFIX}/health; workers ${WORKERS.map((n) => `${n} :${ports.workers[n]}`).join(', ')} (/health, /metrics)`),
    '',
    '  Ctrl-C stops the services and everything this run started.',
    rule,
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}
