import type pg from 'pg';
import type { CaseworkSuite } from '@casework/devkit';
import { seconds } from './format.js';

/* Filling the suite's mailboxes and waiting for the suite to drain them, for bench:ingest. */

const APPEND_CONNECTIONS = 4;

/** APPENDs everything to `folder` over a few connections; returns how many the server accepted. */
export async function preload(suite: CaseworkSuite, folder: string, messages: Buffer[]): Promise<number> {
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    const client = await suite.imap();
    try {
      while (next < messages.length) {
        const raw = messages[next++];
        try {
          await client.append(folder, raw);
          accepted++;
        } catch (error) {
          console.warn(`  APPEND refused: ${(error as Error).message}`);
        }
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: APPEND_CONNECTIONS }, worker));
  return accepted;
}

export interface DrainRow {
  total: number;
  done: number;
  ticketed: number;
  quarantined: number;
  duplicates: number;
}

async function drainCounts(db: pg.Client, mailboxId: string): Promise<DrainRow> {
  const { rows } = await db.query<DrainRow>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE status <> 'received')::int AS done,
            count(*) FILTER (WHERE status = 'ticketed')::int AS ticketed,
            count(*) FILTER (WHERE status = 'quarantined')::int AS quarantined,
            count(*) FILTER (WHERE status = 'duplicate')::int AS duplicates
       FROM raw_message WHERE mailbox_id = $1`,
    [mailboxId],
  );
  return rows[0];
}

/** Waits until `mailboxId` has `expected` raw messages, all routed; throws on a dead service or the deadline. */
export async function awaitDrained(suite: CaseworkSuite, db: pg.Client, mailboxId: string, expected: number, deadline: number, started: number): Promise<DrainRow> {
  let counts = await drainCounts(db, mailboxId);
  let lastReport = Date.now();
  while ((counts.total < expected || counts.done < expected) && Date.now() < deadline) {
    for (const service of suite.services.values()) {
      if (service.child.exitCode !== null) throw new Error(`${service.name} exited with ${service.child.exitCode}:\n${service.recentOutput()}`);
    }
    // Timing comes from the database's own timestamps: polling more often would only load it.
    await new Promise((r) => setTimeout(r, 1000));
    counts = await drainCounts(db, mailboxId);
    if (Date.now() - lastReport >= 15_000) {
      lastReport = Date.now();
      console.log(`  … ${seconds(Date.now() - started)}: stored ${counts.total}, routed ${counts.done}`);
    }
  }
  return counts;
}

/** Until every acknowledgement is sent and every event published: the measured drain starts on a quiet suite. */
export async function awaitQuiet(db: pg.Client, deadline: number): Promise<void> {
  for (;;) {
    const { rows } = await db.query<{ pending: number }>(`
      SELECT (SELECT count(*) FROM outbound_message WHERE status = 'queued')::int
           + (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int AS pending`);
    if (rows[0].pending === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
