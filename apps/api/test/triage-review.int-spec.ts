import { ApiFixture } from './api-fixture.js';

interface Ticket {
  priority: string;
  tags: string[];
  triage: { level: number; categories: { category: string; level: number; dismissed: boolean }[] };
}

/** Dismissing a triage category over HTTP: counted, lowers nothing; the stats per category × language. */
describe('triage review (built process)', () => {
  const app = new ApiFixture();
  let specialist: string;
  let ops: string;

  beforeAll(async () => {
    await app.start();
    for (const role of ['specialist', 'ops'] as const) {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${role}@triage.test`, name: role, role } });
      const { body: token } = await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'triage' } });
      if (role === 'specialist') specialist = token.token;
      else ops = token.token;
    }
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  /** A ticket as routing leaves one that triage paged on (threat, level 2, in Spanish) and raised (doxxing, level 1). */
  async function triaged(subject: string): Promise<string> {
    const { id } = await app.seedTicket(subject, 1);
    const triage = {
      level: 2,
      categories: [
        { category: 'threat', level: 2, language: 'es', evidence: 'voy a matar a mi vecino' },
        { category: 'doxxing', level: 1, language: 'es', evidence: 'su dirección es' },
      ],
    };
    await app.ds.query(`UPDATE ticket SET triage = $2, priority = 'emergency', tags = ARRAY['triage:threat', 'triage:doxxing', 'vecinos'] WHERE id = $1`, [id, JSON.stringify(triage)]);
    return id;
  }

  it('records a dismissal, keeps the priority and triage as raised, and drops only that triage tag', async () => {
    const id = await triaged('Amenaza');
    const dismissed = await app.request(`/tickets/${id}/triage/dismiss`, { method: 'POST', json: { category: 'threat', reason: 'a line from a film' }, token: specialist });
    expect(dismissed.status).toBe(204);
    const { body: ticket } = await app.call<Ticket>(`/tickets/${id}`, { token: specialist });
    expect(ticket.priority).toBe('emergency');
    expect(ticket.triage.level).toBe(2);
    expect(ticket.triage.categories.map((c) => [c.category, c.dismissed])).toEqual([['threat', true], ['doxxing', false]]);
    expect(ticket.tags).toEqual(['triage:doxxing', 'vecinos']);
    const [audit] = (await app.call<{ items: { action: string; details: Record<string, unknown> }[] }>('/audit?action=ticket.triage_dismissed')).body.items;
    expect(audit.details).toEqual({ category: 'threat', level: 2 });

    const again = await app.call<{ code: string }>(`/tickets/${id}/triage/dismiss`, { method: 'POST', json: { category: 'threat', reason: 'twice' }, token: specialist });
    expect([again.status, again.body.code]).toEqual([409, 'TriageNotDismissable']);
    expect((await app.call(`/tickets/${id}/triage/dismiss`, { method: 'POST', json: { category: 'self_harm', reason: 'not raised' }, token: specialist })).status).toBe(409);
    const bad = await app.call<{ fields: Record<string, string[]> }>(`/tickets/${id}/triage/dismiss`, { method: 'POST', json: { category: 'rudeness', reason: ' ' }, token: specialist });
    expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['category', 'reason']]);
  });

  it('counts raised, paged and dismissed per category and language, for leads and ops but not specialists', async () => {
    await triaged('Otra amenaza');
    const stats = await app.call<{ items: { category: string; language: string; raised: number; paged: number; dismissed: number }[] }>('/triage/stats', { token: ops });
    expect(stats.status).toBe(200);
    expect(stats.body.items).toEqual([
      { category: 'doxxing', language: 'es', raised: 2, paged: 0, dismissed: 0 },
      { category: 'threat', language: 'es', raised: 2, paged: 2, dismissed: 1 },
    ]);
    expect((await app.call('/triage/stats', { token: specialist })).status).toBe(403);
  });
});
