import type { CaughtMail } from '@casework/devkit';
import type { Sql, Verdict } from './chaos-verdict.js';

/*
 * The SLA half of a chaos verdict: every ticket's first-response clock fired exactly once — one
 * clock per ticket, breached, one breach notice per clock and recipient, each sent under one
 * Message-ID (a resend after a crash repeats it). Free of jest globals.
 */

interface ClockCounts {
  tickets: number;
  clocks: number;
  breached: number;
  notices: number;
  sent: number;
}

async function clockCounts(sql: Sql): Promise<ClockCounts> {
  const [row] = await sql<ClockCounts>(`
    SELECT (SELECT count(*)::int FROM ticket) AS tickets,
           (SELECT count(*)::int FROM sla_clock WHERE kind = 'first_response') AS clocks,
           (SELECT count(*)::int FROM sla_clock WHERE kind = 'first_response' AND state = 'breached') AS breached,
           (SELECT count(*)::int FROM notification WHERE reason = 'breach') AS notices,
           (SELECT count(*)::int FROM notification WHERE reason = 'breach' AND status = 'sent') AS sent`);
  return row;
}

/** Converged once every ticket's clock has breached and its notices are sent. */
export async function clocksConverged(sql: Sql, total: number): Promise<boolean> {
  const c = await clockCounts(sql);
  return c.breached >= total && c.sent >= c.breached;
}

export async function judgeClocks(sql: Sql, caught: CaughtMail[], total: number): Promise<Verdict> {
  const c = await clockCounts(sql);
  const twice = await sql<{ ticket_id: string; n: number }>(`SELECT ticket_id, count(*)::int AS n FROM sla_clock WHERE kind = 'first_response' GROUP BY 1 HAVING count(*) > 1`);
  const notices = await sql<{ message_id: string }>(`SELECT message_id FROM notification WHERE reason = 'breach'`);
  const noticeIds = new Set(notices.map((n) => n.message_id.replace(/^<|>$/g, '')));
  const caughtIds = caught.map((mail) => (mail.messageId ?? '').replace(/^<|>$/g, '')).filter((id) => noticeIds.has(id));
  const delivered = new Set(caughtIds);
  const lines = [
    `SLA: ${c.tickets} tickets, ${c.clocks} first-response clocks (${twice.length} tickets with two), ${c.breached} breached; breach notices ${c.notices} (${c.sent} sent), caught ${caughtIds.length} (${caughtIds.length - delivered.size} resent copies) under ${delivered.size} Message-IDs`,
  ];
  const failures: string[] = [];
  if (c.clocks !== total || twice.length > 0) failures.push(`first-response clocks: ${c.clocks} for ${total} tickets (${twice.length} tickets with more than one)`);
  if (c.breached !== total) failures.push(`${c.breached} clocks breached, expected ${total}`);
  if (c.notices !== c.breached) failures.push(`${c.notices} breach notices for ${c.breached} breached clocks (one recipient)`);
  if (delivered.size !== c.notices) failures.push(`${delivered.size} breach notices reached the SMTP server, expected ${c.notices}`);
  return { lines, failures };
}
