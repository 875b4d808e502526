import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { QueueRepository, TicketRepository } from '@casework/database';

/** One inbound mail of a seeded case: its raw bytes and the attachments routing would have stored. */
export interface SeedMail {
  raw: Buffer;
  attachments?: { filename: string; content: Buffer }[];
}

export interface SeededCase {
  ticketId: string;
  /** The inbound raws in article order, as stored. */
  raws: Buffer[];
  /** The sent bytes of each outbound article that kept them, in article order. */
  sent: Buffer[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A ticket as routing and template-reply would leave it, written straight in SQL (fast, for the
 * export test and bench): each mail a raw_message + inbound article (+ attachments and blobs),
 * then `sent` outbound articles whose rows kept their bytes, one still queued (nothing kept) and
 * an internal note. Articles are a millisecond apart, in the order given.
 */
export async function seedCase(ds: DataSource, { subject, mails, sent = [] }: { subject: string; mails: SeedMail[]; sent?: Buffer[] }): Promise<SeededCase> {
  const queue = await new QueueRepository().findDefault(ds);
  const tickets = new TicketRepository();
  const requester = { email: 'reporter@example.org', name: 'Rita Reporter' };
  const { ticketId, mailboxId } = await ds.transaction(async (tx) => {
    const requesterId = await tickets.upsertContact(tx, requester);
    const opened = await tickets.open(tx, { subject, queueId: queue!.id, requesterId, priority: 'normal' });
    const [mailbox] = await tx.query(
      `INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder, queue_id, enabled) VALUES ($1, '127.0.0.1', 143, $1, 'INBOX', $2, false) RETURNING id`,
      [`seed-${randomUUID()}@casework.test`, queue!.id],
    );
    return { ticketId: opened.id as string, mailboxId: mailbox.id as string };
  });
  let at = 0;
  const article = async (fields: Record<string, unknown>): Promise<string> => {
    const columns = Object.keys(fields);
    const [row] = await ds.query(
      `INSERT INTO article (ticket_id, created_at, ${columns.join(', ')}) VALUES ($1, now() - interval '1 day' + make_interval(secs => $2::float8 / 1000), ${columns.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
      [ticketId, at++, ...Object.values(fields)],
    );
    return row.id;
  };
  for (const [i, mail] of mails.entries()) {
    const [raw] = await ds.query(
      `INSERT INTO raw_message (mailbox_id, uid_validity, uid, sha256, message_id, size, raw, status) VALUES ($1, 1, $2, $3, $4, $5, $6, 'ticketed') RETURNING id`,
      [mailboxId, i + 1, sha256(mail.raw), `<seed-${i}@reporter.example>`, mail.raw.length, mail.raw],
    );
    const articleId = await article({ direction: 'inbound', from_email: requester.email, subject, body_text: `message ${i + 1}`, raw_message_id: raw.id });
    for (const [position, file] of (mail.attachments ?? []).entries()) {
      const hash = sha256(file.content);
      await ds.query(`INSERT INTO blob (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [hash, file.content.length, file.content]);
      await ds.query(
        `INSERT INTO attachment (article_id, position, sha256, blob_sha256, filename, declared_content_type, size) VALUES ($1, $2, $3, $3, $4, 'application/octet-stream', $5)`,
        [articleId, position, hash, file.filename, file.content.length],
      );
    }
  }
  const outbound = async (raw: Buffer | null): Promise<void> => {
    const [row] = await ds.query(
      `INSERT INTO outbound_message (ticket_id, kind, message_id, from_email, to_email, subject, body_text, status, sent_at, sent_raw)
       VALUES ($1, 'reply', $2, 'safety@casework.test', $3, $4, 'Thank you', $5, CASE WHEN $5 = 'sent' THEN now() END, $6) RETURNING id`,
      [ticketId, `reply-${randomUUID()}@casework.test`, requester.email, `Re: ${subject}`, raw ? 'sent' : 'queued', raw],
    );
    await article({ direction: 'outbound', from_email: 'safety@casework.test', subject: `Re: ${subject}`, body_text: 'Thank you', outbound_id: row.id });
  };
  for (const raw of sent) await outbound(raw);
  await outbound(null);
  await article({ direction: 'note', subject: '', body_text: 'Checked the account: second report this week.' });
  return { ticketId, raws: mails.map((m) => m.raw), sent };
}
