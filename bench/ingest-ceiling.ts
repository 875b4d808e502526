import { simpleParser } from 'mailparser';
import type pg from 'pg';
import type { CaseworkSuite } from '@casework/devkit';

/**
 * The ceiling: the least a pipeline with the same steps must do — fetch each message over IMAP,
 * parse it with mailparser, INSERT one row — sequentially, without transactions, events or
 * threading.
 */
export async function ceiling(suite: CaseworkSuite, db: pg.Client, folder: string): Promise<{ count: number; ms: number }> {
  await db.query('DROP TABLE IF EXISTS bench_ceiling');
  await db.query(`CREATE TABLE bench_ceiling (
    uid bigint PRIMARY KEY, message_id text, subject text, from_address text, body_text text, body_html text, raw bytea NOT NULL)`);
  const client = await suite.imap();
  let count = 0;
  const started = performance.now();
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      for await (const message of client.fetch('1:*', { uid: true, source: true })) {
        if (!message.source) continue;
        const parsed = await simpleParser(message.source);
        await db.query(
          'INSERT INTO bench_ceiling (uid, message_id, subject, from_address, body_text, body_html, raw) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [message.uid, parsed.messageId ?? null, parsed.subject ?? '', parsed.from?.text ?? null, (parsed.text ?? '').replace(/\u0000/g, ''), parsed.html || null, message.source],
        );
        count++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  const ms = performance.now() - started;
  await db.query('DROP TABLE bench_ceiling');
  return { count, ms };
}
