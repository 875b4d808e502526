import { ApiFixture, type SeededTicket } from './api-fixture.js';

interface Article {
  id: string;
  direction: string;
  text: string;
  author: { id: string; name: string; email: string } | null;
}
interface Ticket {
  id: string;
  status: string;
  tags: string[];
  assignee: { id: string; email: string } | null;
  requester: { email: string } | null;
}
interface Page {
  items: Ticket[];
  nextCursor: string | null;
}

/** A shift's work on tickets over HTTP: notes, assignment and claims, status rules, tags, filters, requesters, collisions, drafts. */
describe('the specialist workspace (built process)', () => {
  const app = new ApiFixture();
  const people: Record<'ana' | 'ben' | 'lea' | 'ops', { id: string; token: string }> = {} as never;
  let first: SeededTicket;
  let second: SeededTicket;

  const as = (who: keyof typeof people) => ({ token: people[who].token });
  const detail = async (id: string, who: keyof typeof people = 'ana') => (await app.call<Ticket & { articles: Article[] }>(`/tickets/${id}`, as(who))).body;

  beforeAll(async () => {
    await app.start();
    first = await app.seedTicket('Threats in the forum', 3);
    second = await app.seedTicket('Doxxing report', 2);
    for (const [name, role] of [['ana', 'specialist'], ['ben', 'specialist'], ['lea', 'lead'], ['ops', 'ops']] as const) {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${name}@work.test`, name, role } });
      const { body: token } = await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'work' } });
      people[name] = { id: user.id, token: token.token };
    }
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('keeps an internal note with its author on the ticket, never mailed', async () => {
    const note = await app.call<Article>(`/tickets/${first.id}/notes`, { method: 'POST', json: { body: 'Same writer as last week: check the earlier case.' }, ...as('ana') });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ direction: 'note', text: 'Same writer as last week: check the earlier case.', author: { id: people.ana.id, name: 'ana', email: 'ana@work.test' } });
    expect((await detail(first.id)).articles.at(-1)).toMatchObject({ id: note.body.id, direction: 'note' });
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM outbound_message WHERE ticket_id = $1`, [first.id]);
    expect(n).toBe(0);
    for (const body of [{ body: '   ' }, {}, { body: 'x'.repeat(100_001) }]) {
      const refused = await app.call<{ fields: Record<string, string[]> }>(`/tickets/${first.id}/notes`, { method: 'POST', json: body, ...as('ana') });
      expect([refused.status, Object.keys(refused.body.fields)]).toEqual([400, ['body']]);
    }
    expect((await app.request(`/tickets/${first.id}/notes`, { method: 'POST', json: { body: 'x'.repeat(10 * 1024 * 1024) }, ...as('ana') })).status).toBe(413);
  });

  it('assigns only to someone with write access, and a claim held by someone else needs a lead to force it', async () => {
    const refused = await app.call<{ code: string; message: string }>(`/tickets/${first.id}`, { method: 'PATCH', json: { assigneeId: people.ops.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('no write access');
    // One change: a refused assignee leaves the status as it was too.
    expect((await app.call(`/tickets/${first.id}`, { method: 'PATCH', json: { status: 'pending', assigneeId: people.ops.id } })).status).toBe(409);
    expect((await detail(first.id)).status).toBe('open');
    expect((await app.call<Ticket>(`/tickets/${first.id}`, { method: 'PATCH', json: { assigneeId: people.ben.id } })).body.assignee).toMatchObject({ id: people.ben.id });
    expect((await app.call(`/tickets/${first.id}/claim`, { method: 'POST', json: {}, ...as('ana') })).status).toBe(409);
    expect((await app.call(`/tickets/${first.id}/claim`, { method: 'POST', json: { force: true }, ...as('ana') })).status).toBe(409);
    const taken = await app.call<Ticket>(`/tickets/${first.id}/claim`, { method: 'POST', json: { force: true }, ...as('lea') });
    expect([taken.status, taken.body.assignee?.id]).toEqual([200, people.lea.id]);
    expect((await app.call<Ticket>(`/tickets/${second.id}/claim`, { method: 'POST', json: {}, ...as('ana') })).body.assignee?.id).toBe(people.ana.id);
    expect((await app.call(`/tickets/${second.id}`, { method: 'PATCH', json: { assigneeId: 'nobody' } })).status).toBe(400);
  });

  it('lets only a lead reopen a closed ticket', async () => {
    const ticket = await app.seedTicket('Closed case', 30);
    expect((await app.call(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'closed' }, ...as('ana') })).status).toBe(200);
    const refused = await app.call<{ message: string }>(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'open' }, ...as('ana') });
    expect([refused.status, refused.body.message]).toEqual([409, expect.stringContaining('only a lead may reopen')]);
    expect((await app.call(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'pending' }, ...as('lea') })).status).toBe(409);
    expect((await app.call<Ticket>(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'open' }, ...as('lea') })).body.status).toBe('open');
  });

  it('tags tickets with lower-case slugs and counts them', async () => {
    expect((await app.call<{ tags: string[] }>(`/tickets/${first.id}/tags`, { method: 'PUT', json: { tags: ['Harassment', 'doxxing', 'harassment'] }, ...as('ana') })).body.tags).toEqual(['harassment', 'doxxing']);
    expect((await app.call(`/tickets/${second.id}/tags`, { method: 'PUT', json: { tags: ['doxxing'] }, ...as('ana') })).status).toBe(200);
    for (const tags of [['two words'], ['x'.repeat(51)], Array.from({ length: 21 }, (_, i) => `t${i}`), 'doxxing']) {
      const refused = await app.call<{ fields: Record<string, string[]> }>(`/tickets/${first.id}/tags`, { method: 'PUT', json: { tags }, ...as('ana') });
      expect([refused.status, Object.keys(refused.body.fields)]).toEqual([400, ['tags']]);
    }
    const counts = await app.call<{ items: { tag: string; count: number }[] }>('/tags', as('ana'));
    expect(counts.body.items.slice(0, 2)).toEqual([{ tag: 'doxxing', count: 2 }, { tag: 'harassment', count: 1 }]);
    // Metadata-only callers do not learn what cases are about.
    expect((await app.call<{ items: unknown[] }>('/tags', as('ops'))).body.items).toEqual([]);
  });

  it('filters the list by assignee, tag, priority, requester, breach and time, and pages every sort by cursor', async () => {
    const ids = async (query: string, who: keyof typeof people = 'ana') => {
      const page = await app.call<Page>(`/tickets?${query}`, as(who));
      expect(page.status).toBe(200);
      return page.body.items.map((t) => t.id);
    };
    expect(await ids('assignee=me')).toEqual([second.id]);
    expect(await ids(`assignee=${people.lea.id}`)).toEqual([first.id]);
    expect(await ids('assignee=none')).not.toContain(first.id);
    expect(await ids('tag=doxxing')).toEqual([second.id, first.id]);
    expect(await ids('tag=doxxing&assignee=me')).toEqual([second.id]);
    await app.call(`/tickets/${first.id}`, { method: 'PATCH', json: { priority: 'high' } });
    expect(await ids('priority=high')).toEqual([first.id]);
    expect((await ids('requester=REPORTER@example.org')).length).toBeGreaterThanOrEqual(2);
    expect(await ids('requester=nobody@example.org')).toEqual([]);
    await app.seedBreach(second.id);
    expect(await ids('breached=true')).toEqual([second.id]);
    const now = new Date().toISOString();
    expect(await ids(`createdFrom=${now}`)).toEqual([]);
    expect((await ids(`updatedTo=${now}&sort=updated`)).length).toBeGreaterThanOrEqual(2);
    // Updated: the ticket touched last comes first.
    await app.call(`/tickets/${first.id}/notes`, { method: 'POST', json: { body: 'Escalated to the lead.' }, ...as('ana') });
    expect((await ids('sort=updated'))[0]).toBe(first.id);
    for (const sort of ['created', 'updated', 'due']) {
      const all = await ids(`sort=${sort}&limit=100`);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: Page } = await app.call<Page>(`/tickets?sort=${sort}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as('ana'));
        paged.push(...page.body.items.map((t) => t.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
    const bad = await app.call<{ fields: Record<string, string[]> }>('/tickets?assignee=someone&tag=Two%20Words&sort=random&createdFrom=yesterday&breached=yes', as('ana'));
    expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['assignee', 'breached', 'createdFrom', 'sort', 'tag']]);
  });

  it("shows a requester and their history to those who read their tickets, and hides them from the rest", async () => {
    const [{ id: contactId }] = await app.ds.query(`SELECT requester_id AS id FROM ticket WHERE id = $1`, [first.id]);
    const contact = await app.call<{ email: string; ticketCount: number }>(`/contacts/${contactId}`, as('ana'));
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ email: 'reporter@example.org' });
    expect(contact.body.ticketCount).toBeGreaterThanOrEqual(2);
    const history = await app.call<Page>(`/contacts/${contactId}/tickets?limit=100`, as('ana'));
    expect(history.body.items.map((t) => t.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect((await app.call(`/contacts/${contactId}`, as('ops'))).status).toBe(404);
    expect((await app.call(`/contacts/${contactId}/tickets`, as('ops'))).status).toBe(404);
    expect((await app.call('/contacts/00000000-0000-4000-8000-000000000000', as('ana'))).status).toBe(404);
    expect((await app.call('/contacts/not-an-id', as('ana'))).status).toBe(404);
  });

  it('sends exactly one of two replies written against the same state, and shows the other writer what is new', async () => {
    const ticket = await app.seedTicket('Two answers at once', 10);
    const lastSeen = (await detail(ticket.id)).articles.at(-1)!.id;
    const attempts = await Promise.all(
      (['ana', 'ben'] as const).map((who) =>
        app.call<{ error?: string; newArticles?: Article[] }>(`/tickets/${ticket.id}/replies`, { method: 'POST', json: { body: `Answer from ${who}`, ifLastArticleId: lastSeen }, ...as(who) }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([202, 409]);
    const refused = attempts.find((a) => a.status === 409)!;
    expect(refused.body.error).toBe('TicketChanged');
    expect(refused.body.newArticles).toHaveLength(1);
    expect(refused.body.newArticles![0]).toMatchObject({ direction: 'outbound', author: { email: expect.stringMatching(/@work\.test$/) } });
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM outbound_message WHERE ticket_id = $1`, [ticket.id]);
    expect(n).toBe(1);
    // A note against a stale view is refused too; against the current one it goes in.
    expect((await app.call(`/tickets/${ticket.id}/notes`, { method: 'POST', json: { body: 'Late', ifLastArticleId: lastSeen }, ...as('ana') })).status).toBe(409);
    const current = (await detail(ticket.id)).articles.at(-1)!.id;
    expect((await app.call(`/tickets/${ticket.id}/notes`, { method: 'POST', json: { body: 'Now', ifLastArticleId: current }, ...as('ana') })).status).toBe(201);
  });

  it("keeps each user's draft to themselves", async () => {
    expect((await app.call(`/tickets/${first.id}/draft`, as('ana'))).status).toBe(404);
    const saved = await app.call<{ body: string }>(`/tickets/${first.id}/draft`, { method: 'PUT', json: { body: 'Dear Rita, thank you' }, ...as('ana') });
    expect(saved.body.body).toBe('Dear Rita, thank you');
    expect(saved.body).toMatchObject({ cc: '' });
    // The Cc as typed, half-written addresses included: only the reply checks them.
    await app.call(`/tickets/${first.id}/draft`, { method: 'PUT', json: { body: 'Dear Rita, thank you for writing', cc: 'advocate@example.org, bo' }, ...as('ana') });
    expect((await app.call<{ body: string; cc: string }>(`/tickets/${first.id}/draft`, as('ana'))).body).toMatchObject({ body: 'Dear Rita, thank you for writing', cc: 'advocate@example.org, bo' });
    const tooLong = await app.call<{ fields: Record<string, string[]> }>(`/tickets/${first.id}/draft`, { method: 'PUT', json: { body: 'x', cc: 'a'.repeat(4001) }, ...as('ana') });
    expect([tooLong.status, Object.keys(tooLong.body.fields)]).toEqual([400, ['cc']]);
    expect((await app.call(`/tickets/${first.id}/draft`, as('ben'))).status).toBe(404);
    expect((await app.request(`/tickets/${first.id}/draft`, { method: 'DELETE', ...as('ana') })).status).toBe(204);
    expect((await app.call(`/tickets/${first.id}/draft`, as('ana'))).status).toBe(404);
  });
});
