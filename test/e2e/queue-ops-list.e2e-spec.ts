import { setTimeout as sleep } from 'node:timers/promises';
import { CaseworkSuite, type CaughtMail } from '@casework/devkit';
import { stakeholderMail } from '../support/mail-fixtures.js';
import { eventually } from '../support/poll.js';

const OPS_EMAIL = 'ops@casework.test';
const LEAD = 'lead@ops.test';
const NIGHT = 'night@ops.test';

interface QueueBody {
  id: string;
  slug: string;
  opsEmails: string[];
}

/** The queues API sets where a queue's SLA breaches go; the whole suite delivers them there. */
describe("a queue's ops list through the whole suite", () => {
  let suite: CaseworkSuite;
  let queue: QueueBody;

  const ticketNumberOf = (subject: string) =>
    eventually(
      async () => (await suite.api<{ items: { subject: string; number: string }[] }>('/tickets?limit=100')).body.items.find((t) => t.subject === subject)?.number,
      10_000,
      `the ticket "${subject}"`,
    );
  const breachMailsOf = (number: string): CaughtMail[] => suite.smtp.messages.filter((m) => m.subject === `SLA breached: first_response on ticket ${number}`);

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ firstResponseMinutes: 0.05, opsEmail: OPS_EMAIL });
    // The seeded queue mail arrives in (the spam and postmaster queues are listed too).
    queue = (await suite.api<{ items: QueueBody[] }>('/queues')).body.items.find((q) => q.slug === 'safety')!;
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('PATCH /queues/:id: 400 names opsEmails for a bad address, 404 for an unknown queue, 200 with the new list', async () => {
    expect(queue.opsEmails).toEqual([]);
    const bad = await suite.api<{ fields: Record<string, string[]> }>(`/queues/${queue.id}`, { method: 'PATCH', body: { opsEmails: [LEAD, 'lead at ops'] } });
    expect([bad.status, Object.keys(bad.body.fields)]).toEqual([400, ['opsEmails']]);
    const unknown = await suite.api(`/queues/00000000-0000-4000-8000-000000000000`, { method: 'PATCH', body: { opsEmails: [LEAD] } });
    expect(unknown.status).toBe(404);
    const patched = await suite.api<QueueBody>(`/queues/${queue.id}`, { method: 'PATCH', body: { opsEmails: [LEAD, NIGHT] } });
    expect([patched.status, patched.body.opsEmails]).toEqual([200, [LEAD, NIGHT]]);
  });

  it("a breach goes to each address of the queue's ops list; with the list emptied, to OPS_EMAIL", async () => {
    expect((await suite.api<QueueBody>(`/queues/${queue.id}`, { method: 'PATCH', body: { opsEmails: [LEAD, NIGHT] } })).status).toBe(200);
    await suite.append(stakeholderMail({ subject: 'Listed ops get this breach' }).raw);
    const listed = await ticketNumberOf('Listed ops get this breach');
    await eventually(async () => (breachMailsOf(listed).length >= 2 ? true : undefined), 20_000, 'the breach mails to the ops list');

    expect((await suite.api<QueueBody>(`/queues/${queue.id}`, { method: 'PATCH', body: { opsEmails: [] } })).status).toBe(200);
    await suite.append(stakeholderMail({ subject: 'OPS_EMAIL gets this breach' }).raw);
    const unlisted = await ticketNumberOf('OPS_EMAIL gets this breach');
    await suite.smtp.waitFor((m) => m.subject === `SLA breached: first_response on ticket ${unlisted}`, 20_000);

    await sleep(1500);
    expect(breachMailsOf(listed).flatMap((m) => m.envelopeTo).sort()).toEqual([LEAD, NIGHT]);
    expect(breachMailsOf(unlisted).flatMap((m) => m.envelopeTo)).toEqual([OPS_EMAIL]);
  });
});
