import { setTimeout as sleep } from 'node:timers/promises';
import { CaseworkSuite } from '@casework/devkit';
import { stakeholderMail } from '../support/mail-fixtures.js';
import { eventually } from '../support/poll.js';

const ONCALL = 'oncall@example.org';
const FIRST_RESPONSE_MINUTES = 0.1; // 6 s

interface TicketBody {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  sla: { kind: string; dueAt: string | null; state: string }[];
  articles?: { direction: string; messageId: string | null }[];
}

describe('SLA and paging through the whole suite', () => {
  let suite: CaseworkSuite;

  const ticketBySubject = (subject: string) =>
    eventually(
      async () => (await suite.api<{ items: TicketBody[] }>('/tickets?limit=100')).body.items.find((t) => t.subject === subject),
      10_000,
      `the ticket "${subject}"`,
    );
  const firstResponse = async (id: string) => (await suite.api<TicketBody>(`/tickets/${id}`)).body.sla.find((c) => c.kind === 'first_response');

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ firstResponseMinutes: FIRST_RESPONSE_MINUTES });
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('an emergency ticket pages the person on call within 5 s', async () => {
    const now = Date.now();
    const shift = await suite.api('/oncall/shifts', {
      method: 'POST',
      body: { name: 'Olga Oncall', email: ONCALL, from: new Date(now - 60_000).toISOString(), to: new Date(now + 3_600_000).toISOString() },
    });
    expect(shift.status).toBe(201);
    const mail = stakeholderMail({ subject: 'Credible threat, act now' });
    await suite.append(mail.raw);
    const ticket = await ticketBySubject('Credible threat, act now');

    const raisedAt = Date.now();
    const patched = await suite.api<TicketBody>(`/tickets/${ticket.id}`, { method: 'PATCH', body: { priority: 'emergency' } });
    expect([patched.status, patched.body.priority]).toEqual([200, 'emergency']);
    const page = await suite.smtp.waitFor((m) => m.envelopeTo.includes(ONCALL) && m.subject.includes(ticket.number), 5000);
    const latencyMs = Date.now() - raisedAt;
    console.log(`e2e page latency (PATCH → page email): ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(5000);
    expect(page.subject).toBe(`PAGE: emergency ticket ${ticket.number}`);
  });

  it('a pending ticket does not breach past its due time; the stakeholder’s follow-up resumes the clock', async () => {
    const mail = stakeholderMail({ subject: 'Waiting on the reporter' });
    await suite.append(mail.raw);
    const ticket = await ticketBySubject('Waiting on the reporter');
    const running = await eventually(async () => {
      const clock = await firstResponse(ticket.id);
      return clock?.state === 'running' && clock.dueAt ? clock : undefined;
    }, 10_000, 'the running first-response clock');
    expect((await suite.api(`/tickets/${ticket.id}`, { method: 'PATCH', body: { status: 'pending' } })).status).toBe(200);
    await eventually(async () => ((await firstResponse(ticket.id))?.dueAt === null ? true : undefined), 5000, 'the clock paused');

    // Well past the original due time: still running (paused), never breached, no ops mail.
    await sleep(Math.max(0, new Date(running.dueAt!).getTime() + 3000 - Date.now()));
    expect(await firstResponse(ticket.id)).toMatchObject({ state: 'running', dueAt: null });
    expect(suite.smtp.messages.filter((m) => m.subject.includes('SLA breached') && m.subject.includes(ticket.number))).toHaveLength(0);

    const followup = stakeholderMail({
      subject: `Re: [#${ticket.number}] Waiting on the reporter`,
      body: 'Here is the information you asked for.',
      headers: { 'In-Reply-To': `<${mail.messageId}>`, References: `<${mail.messageId}>` },
    });
    await suite.append(followup.raw);
    const resumed = await eventually(
      async () => {
        const clock = await firstResponse(ticket.id);
        return clock?.state === 'running' && clock.dueAt ? clock : undefined;
      },
      15_000,
      'the clock running again',
    );
    expect(new Date(resumed.dueAt!).getTime()).toBeGreaterThan(new Date(running.dueAt!).getTime());
    const detail = (await suite.api<TicketBody>(`/tickets/${ticket.id}`)).body;
    expect(detail.articles!.filter((a) => a.direction === 'inbound')).toHaveLength(2);
  });
});
