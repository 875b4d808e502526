import { ApiFixture } from './api-fixture.js';

interface Article {
  id: string;
  direction: string;
  html: string | null;
  remoteImages: number;
}

const PARKED = '<p>Here is the screenshot<img alt="screenshot" data-remote-src="https://images.example/shot.png" /></p>';

/**
 * "Show images" over the API: a remote image waits parked in the stored HTML; the ticket shows
 * how many, never their addresses as sources; the article's HTML route shows them on request,
 * and refuses for a restricted queue and for a mail with a blocked attachment.
 */
describe('remote images shown on request (built process)', () => {
  const app = new ApiFixture();
  beforeAll(() => app.start(), 90_000);
  afterAll(() => app.stop(), 60_000);

  const inboundOf = async (ticketId: string) => (await app.call<{ articles: Article[] }>(`/tickets/${ticketId}`)).body.articles.find((article) => article.direction === 'inbound')!;
  const park = async (ticketId: string) => app.ds.query(`UPDATE article SET body_html = $2 WHERE ticket_id = $1 AND direction = 'inbound'`, [ticketId, PARKED]);

  it('counts the parked images, loads none by default, and shows them when asked', async () => {
    const ticket = await app.seedTicket('Screenshot of the threat', 3);
    await park(ticket.id);
    const article = await inboundOf(ticket.id);
    expect(article.remoteImages).toBe(1);
    expect(article.html).not.toContain('images.example');
    const shown = await app.call<{ articleId: string; html: string }>(`/tickets/${ticket.id}/articles/${article.id}/html`);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ articleId: article.id, html: '<p>Here is the screenshot<img alt="screenshot" src="https://images.example/shot.png" /></p>' });
    const missing = await app.call<{ code: string }>(`/tickets/${ticket.id}/articles/00000000-0000-4000-8000-000000000000/html`);
    expect([missing.status, missing.body.code]).toEqual([404, 'ArticleNotFound']);
    const malformed = await app.call<{ code: string }>(`/tickets/${ticket.id}/articles/not-an-id/html`);
    expect([malformed.status, malformed.body.code]).toEqual([404, 'ArticleNotFound']);
    const other = await app.seedTicket('Another screenshot', 1);
    await park(other.id);
    const elsewhere = await app.call<{ code: string }>(`/tickets/${ticket.id}/articles/${(await inboundOf(other.id)).id}/html`);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'ArticleNotFound']);
  });

  it('never shows them for a restricted queue, nor for a mail with a blocked attachment', async () => {
    const restricted = await app.seedTicket('Restricted screenshot', 2);
    await park(restricted.id);
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'cp-images', name: 'CP', address: 'cp-images@casework.test', restricted: true } });
    await app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [restricted.id, queue.id]);
    expect((await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants: [{ userId: await app.bootstrapUserId(), level: 'read' }] } })).status).toBe(200);
    const hidden = await inboundOf(restricted.id);
    expect(hidden.remoteImages).toBe(0);
    expect((await app.call(`/tickets/${restricted.id}/articles/${hidden.id}/html`)).status).toBe(403);

    const blocked = await app.seedTicket('Blocked screenshot', 1);
    await park(blocked.id);
    const article = await inboundOf(blocked.id);
    const [list] = await app.ds.query(`INSERT INTO hash_list (name, source) VALUES ('test list', 'test') RETURNING id`);
    await app.ds.query(
      `INSERT INTO attachment (article_id, position, sha256, filename, declared_content_type, size, omitted_reason, blocked_at, blocked_list_ids)
       VALUES ($1, 0, repeat('a', 64), 'x.png', 'image/png', 1, 'too_large', now(), ARRAY[$2]::uuid[])`,
      [article.id, list.id],
    );
    expect((await inboundOf(blocked.id)).remoteImages).toBe(0);
    expect((await app.call(`/tickets/${blocked.id}/articles/${article.id}/html`)).status).toBe(403);
  });
});
