import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { loadCorpus } from './corpus.js';
import type { SeededRandom } from './seeded-random.js';
import { sha256Hex, syntheticMail, type GeneratedMail, type MailKind } from './synthetic-mail.js';

export interface BenchMailSet {
  messages: GeneratedMail[];
  /** Where the messages came from, for the bench's report. */
  source: string;
}

// Corpus files that are not a person writing to a support address, or that are mostly about a
// parser edge case: bounces, reports, auto-replies, crypto, huge or broken messages.
const UNSUITABLE_TAGS = /bounce|dsn|arf|auto-reply|tnef|defects|large|empty|nested|smime|partial|mdn|calendar|uuencode|unknown-charset|embedded|no-from|no-date|8bit-raw-header|unescaped/;
const MIN_TEMPLATES = { plain: 10, html: 5 };

/**
 * `total` messages, `htmlShare` of them HTML (multipart/alternative), the rest plain text: copies
 * of suitable corpus messages (CORPUS_DIR, default ../shared/corpus) when enough are there, else
 * synthesized ones of similar size. Every copy gets a Message-ID of its own, so no two messages
 * are duplicates of each other.
 */
export async function benchMessages(total: number, options: { random: SeededRandom; runId: string; htmlShare: number }): Promise<BenchMailSet> {
  const { random, runId } = options;
  const templates = await corpusTemplates().catch((error: Error) => ({ plain: [], html: [], problem: error.message }));
  const useCorpus = {
    plain: templates.plain.length >= MIN_TEMPLATES.plain,
    html: templates.html.length >= MIN_TEMPLATES.html,
  };
  const htmlCount = Math.round(total * options.htmlShare);
  const kinds = random.shuffle<MailKind>([...Array(htmlCount).fill('html'), ...Array(total - htmlCount).fill('plain')]);
  const messages = kinds.map((kind, index): GeneratedMail => {
    if (!useCorpus[kind]) return syntheticMail(random, { index, runId, kind });
    const template = templates[kind][index % templates[kind].length];
    const messageId = `${runId}.${index}@bench.casework.test`;
    const raw = withMessageId(template, messageId);
    return { index, kind, messageId, from: '', subject: '', raw, sha256: sha256Hex(raw) };
  });
  const describe = (kind: MailKind) =>
    useCorpus[kind] ? `${kind}: ${templates[kind].length} corpus messages, copied with new Message-IDs` : `${kind}: synthesized`;
  const problem = 'problem' in templates ? ` (corpus: ${templates.problem})` : '';
  return { messages, source: `${describe('plain')}; ${describe('html')}${problem}` };
}

/** Suitable corpus messages by kind, as their raw bytes. */
async function corpusTemplates(): Promise<Record<MailKind, Buffer[]>> {
  const found: Record<MailKind, Buffer[]> = { plain: [], html: [] };
  for (const entry of loadCorpus()) {
    if (UNSUITABLE_TAGS.test(entry.tags.join(' ')) || entry.bytes < 300 || entry.bytes > 64 * 1024) continue;
    const raw = readFileSync(entry.absolutePath);
    // CR-only files are rewritten by the IMAP server; mbox files hold several messages.
    if (!raw.includes('\n') || /^From /.test(raw.subarray(0, 5).toString('latin1'))) continue;
    const parsed = await simpleParser(raw).catch(() => null);
    if (!parsed?.from || !parsed.subject) continue;
    if (parsed.html) found.html.push(raw);
    else if (parsed.text?.trim() && parsed.attachments.length === 0) found.plain.push(raw);
  }
  return found;
}

/** The message with its Message-ID header (folded lines included) replaced by `messageId`. */
export function withMessageId(raw: Buffer, messageId: string): Buffer {
  const text = raw.toString('latin1');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = text.indexOf(eol + eol);
  const head = end < 0 ? text : text.slice(0, end);
  const rest = end < 0 ? '' : text.slice(end);
  const lines = head.split(eol);
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && dropping) continue;
    dropping = /^message-id\s*:/i.test(line);
    if (!dropping) kept.push(line);
  }
  return Buffer.from(`Message-ID: <${messageId}>${eol}${kept.join(eol)}${rest}`, 'latin1');
}
