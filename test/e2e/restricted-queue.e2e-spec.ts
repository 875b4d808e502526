import { CaseworkSuite, freePort } from '@casework/devkit';
import nodemailer from 'nodemailer';
import { eventually } from '../support/poll.js';

const CP_ADDRESS = 'child-protection@casework.test';
const SUBJECT = 'My niece is being messaged by an adult stranger';

interface TicketItem {
  id: string;
  subject?: string;
  queue: { slug: string };
}

/**
 * A restricted queue through the whole suite: mail pushed over SMTP to the queue's address
 * becomes a ticket nobody without a grant can find — not by id, not in a list, not among the
 * SLA breaches — while a granted specialist reads it, and that read is in the audit trail.
 */
describe('a restricted queue, from the mail to the audit trail', () => {
  let suite: CaseworkSuite;
  let smtpPort: number;
  const tokens: Record<'granted' | 'ungranted', string> = { granted: '', ungranted: '' };
  const users: Record<'granted' | 'ungranted', string> = { granted: '', ungranted: '' };
  let queueId: string;

  const as = async <T>(who: 'granted' | 'ungranted', path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(suite.apiUrl + path, { headers: { authorization: `Bearer ${tokens[who]}` } });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    smtpPort = await freePort();
    // A 3 s first-response target: the ticket breaches while the test looks.
    suite = await CaseworkSuite.start({ firstResponseMinutes: 0.05, env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
    const queue = await suite.api<{ id: string }>('/queues', { method: 'POST', body: { slug: 'child-protection', name: 'Child protection', address: CP_ADDRESS, restricted: true } });
    expect(queue.status).toBe(201);
    queueId = queue.body.id;
    for (const who of ['granted', 'ungranted'] as const) {
      const user = await suite.api<{ id: string }>('/users', { method: 'POST', body: { email: `${who}@specialists.test`, name: `A ${who} specialist`, role: 'specialist' } });
      users[who] = user.body.id;
      tokens[who] = (await suite.api<{ token: string }>(`/users/${user.body.id}/tokens`, { method: 'POST', body: { name: 'e2e' } })).body.token;
    }
    const access = await suite.api(`/queues/${queueId}/access`, { method: 'PUT', body: { grants: [{ userId: users.granted, level: 'write' }] } });
    expect(access.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('hides the ticket from an ungranted specialist everywhere, shows it to a granted one, and audits the read', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'Worried Aunt <aunt@example.org>', to: CP_ADDRESS, subject: SUBJECT, text: 'He asks her to keep their chats secret. What can you do?' });
    transport.close();

    const ticket = await eventually(
      async () => (await as<{ items: TicketItem[] }>('granted', '/tickets?limit=100')).body.items.find((t) => t.subject === SUBJECT),
      20_000,
      'the ticket in the granted specialist’s list',
    );
    expect(ticket.queue.slug).toBe('child-protection');
    const detail = await as<{ subject: string }>('granted', `/tickets/${ticket.id}`);
    expect([detail.status, detail.body.subject]).toEqual([200, SUBJECT]);

    // The breach is there for the granted specialist; for the other it never exists.
    await eventually(
      async () => (await as<{ items: { ticketId: string }[] }>('granted', '/sla/breaches')).body.items.some((b) => b.ticketId === ticket.id) || undefined,
      20_000,
      'the breach of the restricted ticket',
    );
    const hidden = await as<{ code: string }>('ungranted', `/tickets/${ticket.id}`);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'TicketNotFound']);
    expect((await as<{ items: TicketItem[] }>('ungranted', '/tickets?limit=100')).body.items.map((t) => t.id)).not.toContain(ticket.id);
    expect((await as<{ items: TicketItem[] }>('ungranted', `/tickets?limit=100&queue=child-protection`)).body.items).toEqual([]);
    expect((await as<{ items: { ticketId: string }[] }>('ungranted', '/sla/breaches')).body.items.map((b) => b.ticketId)).not.toContain(ticket.id);
    // Nor for the admin, who has not granted themselves.
    expect((await suite.api(`/tickets/${ticket.id}`)).status).toBe(404);

    const audit = await suite.api<{ items: { action: string; actor: { id: string }; ticketIds: string[]; queueId: string | null }[] }>(`/audit?ticketId=${ticket.id}`);
    const reads = audit.body.items.filter((e) => e.action === 'ticket.read');
    expect(reads.length).toBeGreaterThanOrEqual(2); // the list and the detail above, at least
    expect(reads.every((e) => e.actor.id === users.granted && e.ticketIds.includes(ticket.id) && e.queueId === queueId)).toBe(true);
    const verified = await suite.api<{ ok: boolean }>('/audit/verify');
    expect(verified.body.ok).toBe(true);
  }, 90_000);
});
