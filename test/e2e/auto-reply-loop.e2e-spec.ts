import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { CaseworkSuite, freePort, startDovecot, type CaughtMail, type PrivateDovecot } from '@casework/devkit';
import { eventually } from '../support/poll.js';

interface TicketItem {
  id: string;
  number: string;
  subject: string;
}

interface ArticleItem {
  direction: string;
  from: { email: string } | null;
  subject: string | null;
  systemNote: string | null;
  delivery: { state: string } | null;
}

const STAKEHOLDER = 'rita@stakeholder.test';
const SAFETY = 'safety@casework.test';
/** How long the loop gets to go round after the last reply, before counting. */
const SETTLE_MS = 6000;

/**
 * Replies to everything it is allowed to (see start-dovecot.ts, lmtpConf): no once-per-period
 * memory (`:seconds 0`), the default "Auto: <subject>" so Casework cannot tell it by its subject,
 * only by the `Auto-Submitted: auto-replied` header Sieve puts on it.
 */
const VACATION_SCRIPT = `require ["vacation", "vacation-seconds"];
vacation :seconds 0 :addresses ["${STAKEHOLDER}"] "I am away until Monday and read no mail.";
`;

/**
 * The auto-reply loop against a real autoresponder: the stakeholder's mailbox is a private Dovecot
 * whose LMTP runs a Sieve vacation script; everything Casework sends reaches it (the SMTP catcher
 * hands each mail to that LMTP) and every vacation reply comes back to Casework's SMTP listener
 * (Dovecot's submission_host). Sieve itself refuses to answer the acknowledgement (it is marked
 * Auto-Submitted); it answers each specialist reply (`Auto-Submitted: no`). Casework must file those
 * answers as auto-reply notes on the ticket — never a ticket, a follow-up or an acknowledgement.
 */
describe('the auto-reply loop against Sieve vacation', () => {
  let mailbox: PrivateDovecot;
  let suite: CaseworkSuite;
  let listenPort: number;

  async function push(subject: string, text: string): Promise<void> {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listenPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: `Rita Ortiz <${STAKEHOLDER}>`, to: SAFETY, subject, text });
    transport.close();
  }

  const tickets = async () => (await suite.api<{ items: TicketItem[] }>('/tickets?limit=100')).body.items;
  const articles = async (ticketId: string) => (await suite.api<{ articles: ArticleItem[] }>(`/tickets/${ticketId}`)).body.articles;
  const sentTo = (address: string, autoSubmitted: string) => (m: CaughtMail) => m.envelopeTo.includes(address) && (m.headers.get('auto-submitted') ?? '').startsWith(autoSubmitted);
  const dovecotLog = () => readFileSync(join(mailbox.dir, 'dovecot.log'), 'utf8');
  /** A failure says what the responder and the services did (no bodies: Dovecot logs none at this level). */
  async function explained<T>(what: Promise<T>): Promise<T> {
    try {
      return await what;
    } catch (error) {
      const tail = dovecotLog().split('\n').slice(-25).join('\n');
      const seen = await Promise.all((await tickets()).map(async (t) => `${t.subject}: ${(await articles(t.id)).map((a) => `${a.direction}/${a.systemNote ?? '-'}`).join(' ')}`));
      const routing = suite.services.get('routing')?.recentOutput() ?? '';
      throw new Error(`${String(error)}\n--- tickets\n${seen.join('\n')}\n--- stakeholder dovecot\n${tail}\n--- routing\n${routing.slice(-4000)}`);
    }
  }

  beforeAll(async () => {
    listenPort = await freePort();
    mailbox = await startDovecot({ user: STAKEHOLDER, lmtp: { sieveScript: VACATION_SCRIPT, submissionHost: `127.0.0.1:${listenPort}` } });
    suite = await CaseworkSuite.start({
      env: { SMTP_LISTEN_PORT: String(listenPort), SMTP_LISTEN_HOST: '127.0.0.1', OUTBOUND_RETRY_SWEEP_MS: '500' },
      smtpRelay: { host: mailbox.host, port: mailbox.lmtpPort!, lmtp: true },
    });
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
    await mailbox?.stop();
  });

  it('ends with one acknowledgement, one ticket per report, and every vacation reply a note on its ticket', async () => {
    // No words triage raises: a raised mail is read as a person's, whatever its headers say (so is its vacation reply, quoting the subject).
    const subject = 'Rude comments under my posts';
    await push(subject, 'Hello, an account keeps leaving rude comments under my posts. Please have a look.');
    const ticket = await eventually(async () => (await tickets()).find((t) => t.subject === subject), 20_000, 'the report’s ticket');
    await suite.smtp.waitFor(sentTo(STAKEHOLDER, 'auto-replied'), 15_000);
    // Sieve refuses to answer an Auto-Submitted mail: the acknowledgement draws no vacation reply.
    await explained(eventually(async () => (/discarding vacation response/i.test(dovecotLog()) ? true : undefined), 10_000, 'Sieve declining to answer the acknowledgement'));

    // Two specialist replies: each is answered by the vacation responder (no period memory).
    for (const body of ['Thank you, we are looking into it.', 'We removed the posts; tell us if it happens again.']) {
      const reply = await suite.api(`/tickets/${ticket.id}/replies`, { method: 'POST', body: { body } });
      expect(reply.status).toBe(202);
    }
    const notes = await explained(eventually(
      async () => {
        const found = (await articles(ticket.id)).filter((a) => a.systemNote === 'auto_reply');
        return found.length >= 2 ? found : undefined;
      },
      30_000,
      'both vacation replies as auto-reply notes on the ticket',
    ));
    expect(notes.every((n) => n.from?.email === STAKEHOLDER)).toBe(true);

    // A second report in the same window opens its own ticket and gets no second acknowledgement.
    await push('They started again under a new name', 'The same person is back with another account.');
    await eventually(async () => ((await tickets()).length >= 2 ? true : undefined), 20_000, 'the second report’s ticket');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const all = await tickets();
    expect(all.map((t) => t.subject).sort()).toEqual(['Rude comments under my posts', 'They started again under a new name']);
    expect(suite.smtp.messages.filter(sentTo(STAKEHOLDER, 'auto-replied'))).toHaveLength(1);
    // The vacation replies came back to Casework and stayed notes: the only inbound mail that is
    // not a note is the report itself.
    const final = await articles(ticket.id);
    expect(final.filter((a) => a.direction === 'inbound' && a.systemNote === null)).toHaveLength(1);
    expect(final.filter((a) => a.systemNote === 'auto_reply').length).toBeGreaterThanOrEqual(2);
    expect(final.filter((a) => a.direction === 'outbound').every((a) => a.delivery?.state === 'sent')).toBe(true);
    // Nothing Casework sent went anywhere but to the stakeholder (no acknowledgement of a vacation reply).
    expect(suite.smtp.messages.every((m) => m.envelopeTo.every((to) => to === STAKEHOLDER))).toBe(true);
    expect(suite.smtp.messages).toHaveLength(3);
  }, 120_000);
});
