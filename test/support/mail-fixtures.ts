import { randomUUID } from 'node:crypto';

export interface StakeholderMail {
  messageId: string;
  raw: string;
}

/** A plain stakeholder email; `headers` adds or overrides header lines. */
export function stakeholderMail(options: { from?: string; to?: string; subject: string; body?: string; headers?: Record<string, string> }): StakeholderMail {
  const messageId = `${randomUUID()}@example.org`;
  const headers: Record<string, string> = {
    From: options.from ?? 'Alice Example <alice@example.org>',
    To: options.to ?? 'safety@casework.test',
    Subject: options.subject,
    Date: new Date().toUTCString(),
    'Message-ID': `<${messageId}>`,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    ...options.headers,
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  return { messageId, raw: `${head}\r\n\r\n${options.body ?? 'Someone keeps threatening me in the forum.'}\r\n` };
}
