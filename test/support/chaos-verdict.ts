import pg from 'pg';
import type { CaughtMail, ManagedProcess } from '@casework/devkit';
import type { GeneratedMail } from './synthetic-mail.js';

/*
 * The chaos suite's eyes: what the run's database and caught mail say, and whether that is
 * "every message exactly once, every stakeholder acknowledged once". Free of jest globals (the
 * build compiles it with the sources).
 */

export type Sql = <T extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<T[]>;

/** A fresh connection per question: the private Postgres is restarted during the run. */
export function sqlOn(url: string): Sql {
  return async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}

export interface Counts {
  raw: number;
  received: number;
  ticketed: number;
  quarantined: number;
  duplicates: number;
  articles: number;
  tickets: number;
  acks: number;
  acksSent: number;
}

export async function readCounts(sql: Sql): Promise<Counts> {
  const [row] = await sql<Counts>(`
      SELECT (SELECT count(*)::int FROM raw_message) AS raw,
             (SELECT count(*)::int FROM raw_message WHERE status = 'received') AS received,
             (SELECT count(*)::int FROM raw_message WHERE status = 'ticketed') AS ticketed,
             (SELECT count(*)::int FROM raw_message WHERE status = 'quarantined') AS quarantined,
             (SELECT count(*)::int FROM raw_message WHERE status = 'duplicate') AS duplicates,
             (SELECT count(*)::int FROM article WHERE direction = 'inbound') AS articles,
             (SELECT count(*)::int FROM ticket) AS tickets,
             (SELECT count(*)::int FROM outbound_message WHERE kind = 'acknowledgement') AS acks,
             (SELECT count(*)::int FROM outbound_message WHERE kind = 'acknowledgement' AND status = 'sent') AS "acksSent"`);
  return row;
}

export interface ChaosOutcome {
  /** What was APPENDed. */
  messages: GeneratedMail[];
  /** Everything the SMTP catcher got. */
  caught: CaughtMail[];
  /** APPENDs repeated after an error: each may have left a duplicate copy. */
  appendRetries: number;
}

export interface Verdict {
  /** Summary lines, for the log and the failure message. */
  lines: string[];
  failures: string[];
}

/** Judges a converged run: one article per message, one acknowledgement (Message-ID) per stakeholder. */
export async function judge(sql: Sql, { messages, caught, appendRetries }: ChaosOutcome): Promise<Verdict> {
  const total = messages.length;
  // 1. Exactly one article per message, by Message-ID and by content hash; no raw message twice.
  const articles = await sql<{ message_id: string | null; sha256: string; status: string }>(`
      SELECT a.message_id, r.sha256, r.status FROM article a JOIN raw_message r ON r.id = a.raw_message_id WHERE a.direction = 'inbound'`);
  const byMessageId = countBy(articles.map((a) => a.message_id ?? '(none)'));
  const byHash = countBy(articles.map((a) => a.sha256));
  const expectedIds = new Set(messages.map((m) => m.messageId));
  const expectedHashes = new Set(messages.map((m) => m.sha256));
  const duplicateIds = [...byMessageId].filter(([, n]) => n > 1);
  const duplicateHashes = [...byHash].filter(([, n]) => n > 1);
  const missingIds = [...expectedIds].filter((id) => !byMessageId.has(id));
  const missingHashes = [...expectedHashes].filter((h) => !byHash.has(h));
  const strangers = [...byMessageId.keys()].filter((id) => !expectedIds.has(id));
  const rawRows = await sql<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM raw_message GROUP BY status`);

  // 2. No stakeholder got two different acknowledgements for one mail.
  const acks = caught.filter(isAcknowledgement);
  const ackGroups = new Map<string, Set<string>>();
  const ticketsPerRecipient = new Map<string, Set<string>>();
  for (const ack of acks) {
    const recipient = ack.envelopeTo.join(',').toLowerCase();
    const tag = /\[#([^\]]+)\]/.exec(ack.subject)?.[1] ?? '(no tag)';
    const key = `${recipient} ${tag}`;
    ackGroups.set(key, (ackGroups.get(key) ?? new Set()).add(ack.messageId ?? '(none)'));
    ticketsPerRecipient.set(recipient, (ticketsPerRecipient.get(recipient) ?? new Set()).add(tag));
  }
  const conflictingAcks = [...ackGroups].filter(([, ids]) => ids.size > 1);
  const acknowledgedTwice = [...ticketsPerRecipient].filter(([, tags]) => tags.size > 1);
  const senders = new Set(messages.map((m) => m.from.toLowerCase()));
  const unacknowledged = [...senders].filter((s) => !ticketsPerRecipient.has(s));
  const resends = acks.length - ackGroups.size;
  const wrongThread = acks.filter((ack) => {
    const original = messages[Number(/^reporter-(\d+)\./.exec(ack.envelopeTo[0] ?? '')?.[1] ?? -1)];
    return !original || ack.headers.get('in-reply-to') !== `<${original.messageId}>`;
  });

  const reemitted = await sql<{ n: number }>(`SELECT (SELECT count(*) FROM outbox WHERE subject = 'casework.mail.received') - (SELECT count(*) FROM raw_message WHERE status <> 'duplicate') AS n`).catch(() => [{ n: -1 }]);
  const lines = [
    `raw_message by status: ${rawRows.map((r) => `${r.status} ${r.n}`).join(', ')}; mail.received re-emitted by the reconciler: ${reemitted[0]?.n}`,
    `inbound articles ${articles.length}; duplicate Message-IDs ${duplicateIds.length}, duplicate hashes ${duplicateHashes.length}, missing Message-IDs ${missingIds.length}, missing hashes ${missingHashes.length}, unexpected ${strangers.length}`,
    `acknowledgements caught ${acks.length} (${resends} resent copies) for ${ticketsPerRecipient.size} stakeholders; conflicting Message-IDs ${conflictingAcks.length}, stakeholders acknowledged for two tickets ${acknowledgedTwice.length}, unacknowledged ${unacknowledged.length}, not threaded on the original ${wrongThread.length}`,
  ];

  const failures: string[] = [];
  if (articles.length !== total) failures.push(`${articles.length} inbound articles, expected ${total}`);
  if (duplicateIds.length) failures.push(`duplicate articles by Message-ID: ${duplicateIds.slice(0, 5).map(([id, n]) => `${id} ×${n}`).join(', ')}`);
  if (duplicateHashes.length) failures.push(`duplicate articles by content hash: ${duplicateHashes.length}`);
  if (missingIds.length) failures.push(`missing Message-IDs: ${missingIds.slice(0, 5).join(', ')}${missingIds.length > 5 ? ' …' : ''}`);
  if (missingHashes.length) failures.push(`missing content hashes: ${missingHashes.length}`);
  if (strangers.length) failures.push(`articles for Message-IDs never sent: ${strangers.slice(0, 5).join(', ')}`);
  // Each message is one raw row, routed; a repeated APPEND may add a copy, recorded as a duplicate.
  const rawOf = (status: string) => rawRows.find((r) => r.status === status)?.n ?? 0;
  const unexpectedRaw = rawRows.filter((r) => !['ticketed', 'duplicate'].includes(r.status));
  if (rawOf('ticketed') !== total || unexpectedRaw.length > 0 || rawOf('duplicate') > appendRetries) {
    failures.push(`raw_message rows: ${rawRows.map((r) => `${r.status} ${r.n}`).join(', ')} (expected ticketed ${total}, at most ${appendRetries} duplicates)`);
  }
  if (conflictingAcks.length) failures.push(`acknowledgements with different Message-IDs for one ticket: ${conflictingAcks.slice(0, 3).map(([k, ids]) => `${k}: ${[...ids].join(' ')}`).join('; ')}`);
  if (acknowledgedTwice.length) failures.push(`stakeholders acknowledged for two tickets: ${acknowledgedTwice.slice(0, 3).map(([r, t]) => `${r}: ${[...t].join(' ')}`).join('; ')}`);
  if (unacknowledged.length) failures.push(`stakeholders never acknowledged: ${unacknowledged.length}`);
  if (wrongThread.length) failures.push(`acknowledgements not in reply to the original: ${wrongThread.length}`);
  return { lines, failures };
}

export function acknowledgedRecipients(mails: CaughtMail[]): Set<string> {
  return new Set(mails.filter(isAcknowledgement).map((m) => m.envelopeTo.join(',').toLowerCase()));
}

/** The last warnings and errors of each service process (pino levels 40+), killed ones included. */
export function problemLines(processes: ManagedProcess[]): string {
  return processes
    .map((p) => {
      const lines = p.recentOutput().split('\n').filter((l) => /"level":(40|50|60)/.test(l) || (l.trim() !== '' && !l.startsWith('{')));
      return lines.length ? `--- ${p.name} (pid ${p.pid})\n${lines.slice(-8).map((l) => l.slice(0, 400)).join('\n')}` : '';
    })
    .filter(Boolean)
    .join('\n');
}

function isAcknowledgement(mail: CaughtMail): boolean {
  return mail.headers.get('auto-submitted') === 'auto-replied';
}

function countBy(values: string[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  return tally;
}
