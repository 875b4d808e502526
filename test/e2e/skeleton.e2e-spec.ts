import { CaseworkSuite } from '@casework/devkit';
import { stakeholderMail } from '../support/mail-fixtures.js';
import { eventually } from '../support/poll.js';

interface TicketBody {
  id: string;
  number: string;
  subject: string;
  status: string;
  requester: { email: string; name: string | null };
  sla: { kind: string; dueAt: string; state: string }[];
  articles?: { direction: string; messageId: string | null; text: string }[];
}

async function ticketsOf(suite: CaseworkSuite): Promise<TicketBody[]> {
  const response = await suite.api<{ items: TicketBody[] }>('/tickets?limit=100');
  expect(response.status).toBe(200);
  return response.body.items;
}

describe('walking skeleton: one email through the whole suite', () => {
  let suite: CaseworkSuite;

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ firstResponseMinutes: 60 });
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('opens a ticket, acknowledges, sends the reply, threads the follow-up and meets the clock', async () => {
    const mail = stakeholderMail({ subject: 'Threat of violence in the forum' });
    const appendedAt = Date.now();
    await suite.append(mail.raw);

    const ticket = await eventually(async () => (await ticketsOf(suite)).find((t) => t.subject === 'Threat of violence in the forum'), 5000, 'the ticket in the API');
    expect(Date.now() - appendedAt).toBeLessThan(5000);
    expect(ticket.status).toBe('open');
    expect(ticket.requester.email).toBe('alice@example.org');

    const ack = await suite.smtp.waitFor((m) => m.envelopeTo.includes('alice@example.org') && m.subject.includes(`[#${ticket.number}]`), 10_000);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.headers.get('in-reply-to')).toBe(`<${mail.messageId}>`);

    const reply = await suite.api<{ outboundId: string }>(`/tickets/${ticket.id}/replies`, { method: 'POST', body: { body: 'We are looking into it.' } });
    expect(reply.status).toBe(202);
    expect(reply.body.outboundId).toEqual(expect.any(String));
    const sentReply = await suite.smtp.waitFor((m) => m.text.includes('We are looking into it.'), 10_000);
    expect(sentReply.headers.get('in-reply-to')).toBe(`<${mail.messageId}>`);
    expect(sentReply.subject).toContain(`[#${ticket.number}]`);
    // RFC 3834: a person's reply says it is not automatic.
    expect(sentReply.headers.get('auto-submitted')).toBe('no');

    const followup = stakeholderMail({
      subject: 'Re: Threat of violence in the forum',
      body: 'Thank you, here is more detail.',
      headers: { 'In-Reply-To': `<${sentReply.messageId!.replace(/^<|>$/g, '')}>`, References: `<${mail.messageId}> ${sentReply.messageId}` },
    });
    await suite.append(followup.raw);
    const detail = await eventually(
      async () => {
        const response = await suite.api<TicketBody>(`/tickets/${ticket.id}`);
        return response.body.articles?.some((a) => a.messageId === followup.messageId) ? response.body : undefined;
      },
      15_000,
      'the follow-up on the same ticket',
    );
    expect(detail.articles!.map((a) => a.direction)).toEqual(['inbound', 'outbound', 'outbound', 'inbound']);
    expect((await ticketsOf(suite)).filter((t) => t.subject.includes('Threat of violence'))).toHaveLength(1);

    const met = await eventually(
      async () => {
        const { body } = await suite.api<TicketBody>(`/tickets/${ticket.id}`);
        return body.sla.find((c) => c.kind === 'first_response' && c.state === 'met');
      },
      15_000,
      'the first-response clock to be met',
    );
    expect(met.state).toBe('met');
  });

  it('opens a ticket for an automatic reply but does not acknowledge it', async () => {
    const mail = stakeholderMail({
      from: 'Out Of Office <bob@example.org>',
      subject: 'Automatic reply: away until Monday',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await suite.append(mail.raw);
    const ticket = await eventually(async () => (await ticketsOf(suite)).find((t) => t.subject === 'Automatic reply: away until Monday'), 5000, 'the ticket');
    // The acknowledgement of the first case arrived within a second; give this one three.
    await new Promise((r) => setTimeout(r, 3000));
    expect(suite.smtp.messages.filter((m) => m.envelopeTo.includes('bob@example.org'))).toHaveLength(0);
    expect(ticket.status).toBe('open');
  });
});

describe('walking skeleton: an unanswered ticket breaches its first-response target', () => {
  let suite: CaseworkSuite;

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ firstResponseMinutes: 0.05, opsEmail: 'ops@casework.test' });
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('sends one ops email and lists the breach', async () => {
    await suite.append(stakeholderMail({ subject: 'Nobody answers me' }).raw);
    const ticket = await eventually(async () => (await ticketsOf(suite)).find((t) => t.subject === 'Nobody answers me'), 5000, 'the ticket');

    const breach = await eventually(
      async () => {
        const { body } = await suite.api<{ items: { ticketId: string; kind: string; dueAt: string; breachedAt: string }[] }>('/sla/breaches');
        return body.items.find((b) => b.ticketId === ticket.id);
      },
      20_000,
      'the breach in /sla/breaches',
    );
    expect(breach.kind).toBe('first_response');
    expect(new Date(breach.breachedAt).getTime()).toBeGreaterThanOrEqual(new Date(breach.dueAt).getTime());

    // One breach email (an 80 % warning may precede it: that is a different notice).
    const isBreachMail = (m: { envelopeTo: string[]; subject: string }) => m.envelopeTo.includes('ops@casework.test') && m.subject.startsWith('SLA breached');
    await suite.smtp.waitFor(isBreachMail, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(suite.smtp.messages.filter(isBreachMail)).toHaveLength(1);
    expect(suite.smtp.messages.filter(isBreachMail)[0].subject).toContain(ticket.number);
    const { body } = await suite.api<TicketBody>(`/tickets/${ticket.id}`);
    expect(body.sla.find((c) => c.kind === 'first_response')).toEqual(expect.objectContaining({ state: 'breached' }));
  });
});
