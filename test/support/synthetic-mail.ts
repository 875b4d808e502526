import { createHash } from 'node:crypto';
import type { SeededRandom } from './seeded-random.js';

export type MailKind = 'plain' | 'html';

/** One generated stakeholder message: its Message-ID (without brackets), bytes and their hash. */
export interface GeneratedMail {
  index: number;
  kind: MailKind;
  messageId: string;
  from: string;
  subject: string;
  raw: Buffer;
  sha256: string;
}

export interface SyntheticMailOptions {
  index: number;
  /** Distinguishes runs: part of every Message-ID. */
  runId: string;
  kind: MailKind;
  to?: string;
  /** Default: a sender of its own per message, `reporter-<index>.<runId>@example.org`. */
  from?: string;
  /** Rough size of the body text; default 1–5 KB (plain) or 3–8 KB (HTML, both parts). */
  bodyBytes?: number;
}

const WORDS = (
  'account abuse moderator report forum thread harassment threat message user profile screenshot link ' +
  'please urgent again yesterday today private public comment post video channel group member block ' +
  'spam scam payment refund fake impersonation photo address phone number school work family friend ' +
  'someone keeps sending me these since last week and I am worried about my safety could you look into it'
).split(' ');

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A realistic-enough stakeholder email: plain text, or multipart/alternative with an HTML part.
 * Every message differs in its Message-ID, sender, subject and body, so no two are byte-equal.
 */
export function syntheticMail(random: SeededRandom, options: SyntheticMailOptions): GeneratedMail {
  const { index, runId, kind } = options;
  const messageId = `${runId}.${index}.${random.token(8)}@stakeholders.example.org`;
  const from = options.from ?? `reporter-${index}.${runId}@example.org`;
  const subject = `${capitalise(sentence(random, random.int(3, 8)))} (${runId} #${index})`;
  const bodyBytes = options.bodyBytes ?? (kind === 'plain' ? random.int(1000, 5000) : random.int(1500, 4000));
  const paragraphs = paragraphsOf(random, bodyBytes);
  const headers = [
    `From: Reporter ${index} <${from}>`,
    `To: ${options.to ?? 'safety@casework.test'}`,
    `Subject: ${subject}`,
    `Date: ${new Date(Date.UTC(2025, 0, 1) + index * 60_000).toUTCString()}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
  ];
  let body: string;
  if (kind === 'plain') {
    headers.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 7bit');
    body = paragraphs.map(wrap).join('\r\n\r\n');
  } else {
    const boundary = `=_alt_${runId}_${index}_${random.token(6)}`;
    headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    const html = [
      '<html><head><meta charset="utf-8"></head><body>',
      ...paragraphs.map((p, i) => (i === 0 ? `<p><b>${p}</b></p>` : i % 3 === 0 ? `<blockquote><p>${p}</p></blockquote>` : `<p>${p}</p>`)),
      `<p style="color:#555">Sent from a web form &mdash; reference ${runId}-${index}</p>`,
      '</body></html>',
    ];
    body = [
      'This is a multi-part message in MIME format.',
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 7bit',
      '',
      paragraphs.map(wrap).join('\r\n\r\n'),
      '',
      `--${boundary}`,
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 7bit',
      '',
      html.map(wrap).join('\r\n'),
      '',
      `--${boundary}--`,
    ].join('\r\n');
  }
  const raw = Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`, 'utf8');
  return { index, kind, messageId, from, subject, raw, sha256: sha256Hex(raw) };
}

function sentence(random: SeededRandom, words: number): string {
  return Array.from({ length: words }, () => random.pick(WORDS)).join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function paragraphsOf(random: SeededRandom, bytes: number): string[] {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences = Array.from({ length: random.int(2, 6) }, () => `${capitalise(sentence(random, random.int(6, 18)))}.`);
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs;
}

/** Wraps at 76 columns with CRLF, as mail clients do (SMTP lines must stay under 998). */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 76) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\r\n');
}
