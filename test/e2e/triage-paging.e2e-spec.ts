import { CaseworkSuite } from '@casework/devkit';
import { stakeholderMail } from '../support/mail-fixtures.js';

const ON_CALL = 'guardia@oncall.test';

/**
 * Two-tier triage through the whole suite: a mail in Spanish stating an explicit threat is
 * ingested, triaged at level 2 by routing, made an emergency and pages the person on call — all
 * within 5 s of arriving in the mailbox.
 */
describe('a level-2 mail in Spanish pages the on-call person', () => {
  let suite: CaseworkSuite;
  let queueSlug: string;

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ logLevel: 'warn' });
    const queues = await suite.api<{ items: { slug: string; role?: string | null }[] }>('/queues');
    queueSlug = queues.body.items.find((q) => !q.role)!.slug;
    const now = Date.now();
    const shift = await suite.api('/oncall/shifts', {
      method: 'POST',
      body: { name: 'Guardia', email: ON_CALL, from: new Date(now - 60_000).toISOString(), to: new Date(now + 3_600_000).toISOString(), queues: [queueSlug] },
    });
    expect(shift.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('within 5 s of arrival: emergency ticket, triage level 2 in Spanish, the page mail', async () => {
    const subject = 'Ya no aguanto más';
    const { raw } = stakeholderMail({ subject, body: 'Mi vecino me amenaza todos los días. Voy a matarlo esta noche, ya tengo el cuchillo preparado.' });
    const arrived = Date.now();
    await suite.append(raw);
    const page = await suite.smtp.waitFor((m) => m.envelopeTo.includes(ON_CALL), 10_000);
    const elapsed = Date.now() - arrived;
    expect(elapsed).toBeLessThan(5000);

    const list = await suite.api<{ items: { id: string; number: string; subject: string; priority: string; language: string | null; triage: { level: number; categories: { category: string; language: string }[] } }[] }>('/tickets?limit=10');
    const ticket = list.body.items.find((t) => t.subject === subject)!;
    expect(ticket).toMatchObject({ priority: 'emergency', language: 'es', triage: { level: 2 } });
    expect(ticket.triage.categories).toContainEqual(expect.objectContaining({ category: 'threat', language: 'es' }));
    expect(page.subject).toContain(ticket.number);
    process.stdout.write(`arrival → page: ${elapsed} ms\n`);
  }, 60_000);
});
