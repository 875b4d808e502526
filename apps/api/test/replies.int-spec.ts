import type { ValidationErrorBody } from '../src/common/validation-exception.factory.js';
import type { TicketDetailDto } from '../src/tickets/dto/ticket-detail.dto.js';
import { ApiFixture, type RequestOptions, type SeededTicket } from './api-fixture.js';

interface Accepted {
  outboundId: string;
  articleId: string;
  locale: string | null;
}

const TEN_MB = 10 * 1024 * 1024;

describe('api POST /tickets/:id/replies (built process): templates, cc, attachments, delivery on the article', () => {
  const app = new ApiFixture();
  let ticket: SeededTicket;

  const reply = (json: unknown, id = ticket.id) => app.call<Accepted>(`/tickets/${id}/replies`, { method: 'POST', json });
  const fieldsOf = async (path: string, init: RequestOptions): Promise<Record<string, string[]>> => {
    const { status, body } = await app.call<ValidationErrorBody>(path, init);
    expect([status, body.statusCode]).toEqual([400, 400]);
    return body.fields;
  };
  const outbound = async (id: string) => (await app.ds.query('SELECT * FROM outbound_message WHERE id = $1', [id]))[0];
  const queuedCount = async () => (await app.ds.query(`SELECT count(*)::int AS count FROM outbound_message`))[0].count as number;

  beforeAll(async () => {
    await app.start();
    ticket = await app.seedTicket('Harassment report', 1);
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('keeps the {body} form: the text as written, no HTML part, Auto-Submitted: no at send', async () => {
    const { status, body } = await reply({ body: 'We are on it.' });
    expect(status).toBe(202);
    expect(body).toEqual({ outboundId: expect.any(String), articleId: expect.any(String), locale: null });
    expect(await outbound(body.outboundId)).toMatchObject({ body_text: 'We are on it.', body_html: null, locale: null, template_id: null, status: 'queued', subject: `Re: Harassment report [#${ticket.number}]` });
  });

  it('wraps the text in the reply template of the writer\'s language, or the one asked for', async () => {
    const wrapped = await reply({ templateKey: 'reply', body: 'We removed the posts.' });
    expect([wrapped.status, wrapped.body.locale]).toEqual([202, 'en']);
    const row = await outbound(wrapped.body.outboundId);
    expect(row.body_text).toBe('Hello Rita Reporter,\n\nWe removed the posts.\n\nKind regards,\nThe Safety team\n');
    expect(row.body_html).toContain('<p>We removed the posts.</p>');
    expect(row.subject).toBe(`Re: Harassment report [#${ticket.number}]`);
    expect(row.template_version).toBe(1);

    await app.ds.query(`UPDATE queue SET default_locale = 'fr' WHERE is_default`);
    const french = await reply({ templateKey: 'reply', body: 'Nous avons supprimé les messages.' });
    expect(french.body.locale).toBe('fr');
    expect((await outbound(french.body.outboundId)).body_text).toMatch(/^Bonjour Rita Reporter,\n\nNous avons supprimé les messages\.\n\nBien cordialement,/);
    const arabic = await reply({ templateKey: 'reply', locale: 'ar', body: 'أزلنا المنشورات.' });
    expect(arabic.body.locale).toBe('ar');
    expect((await outbound(arabic.body.outboundId)).body_html).toMatch(/<html lang="ar" dir="rtl">/);
    await app.ds.query(`UPDATE queue SET default_locale = NULL WHERE is_default`);
  });

  it('refuses a template that does not fit: unknown key or locale, a text with nowhere to go, a missing text', async () => {
    const path = `/tickets/${ticket.id}/replies`;
    const before = await queuedCount();
    expect(await fieldsOf(path, { method: 'POST', json: { templateKey: 'no-such-template', body: 'x' } })).toEqual({ templateKey: [expect.stringContaining('no template "no-such-template"')] });
    expect(await fieldsOf(path, { method: 'POST', json: { templateKey: 'sla-breach' } })).toEqual({ templateKey: [expect.any(String)] });
    expect(Object.keys(await fieldsOf(path, { method: 'POST', json: { templateKey: 'reply', locale: 'sp', body: 'x' } }))).toEqual(['locale']);
    expect(await fieldsOf(path, { method: 'POST', json: { templateKey: 'reply' } })).toEqual({ body: ['template "reply" wraps a text: body is required'] });
    await app.call('/templates', { method: 'POST', json: { key: 'closing', locale: 'en', kind: 'snippet', text: 'We are closing ticket {{ticket.number}}.' } });
    expect(await fieldsOf(path, { method: 'POST', json: { templateKey: 'closing', body: 'lost?' } })).toEqual({ body: [expect.stringContaining('has no {{body}}')] });
    expect(await fieldsOf(path, { method: 'POST', json: { templateKey: 'closing', locale: 'de' } })).toEqual({ locale: ['template "closing" has no de version (it has en)'] });
    expect(await fieldsOf(path, { method: 'POST', json: {} })).toEqual({ body: expect.arrayContaining(['body must be a string']) });
    expect(await queuedCount()).toBe(before);

    const snippet = await reply({ templateKey: 'closing' });
    expect(snippet.status).toBe(202);
    expect((await outbound(snippet.body.outboundId)).body_text).toBe(`We are closing ticket ${ticket.number}.\n`);
  });

  it('sends copies to cc and stores attachments on the article; the ticket shows them and the delivery state', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 1)]);
    const { status, body } = await reply({
      body: 'Please find our guidance attached.',
      cc: ['advocate@example.org', 'Advocate@example.org', 'reporter@example.org'],
      attachments: [{ filename: '../guidance.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
    });
    expect(status).toBe(202);
    expect((await outbound(body.outboundId)).cc_addresses).toEqual([{ email: 'advocate@example.org', name: null }]);
    const { body: detail } = await app.call<TicketDetailDto>(`/tickets/${ticket.id}`);
    const article = detail.articles.find((a) => a.id === body.articleId)!;
    expect(article).toMatchObject({ direction: 'outbound', cc: [{ email: 'advocate@example.org', name: null }], delivery: { state: 'queued', attempts: 0, lastError: null, sentAt: null, nextAttemptAt: expect.any(String), locale: null, template: null } });
    expect(article.attachments).toEqual([expect.objectContaining({ filename: '_guidance.pdf', declaredContentType: 'application/pdf', sniffedContentType: 'application/pdf', size: pdf.length, stored: true })]);
    const download = await app.request(`/tickets/${ticket.id}/attachments/${article.attachments[0]!.id}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    // Inbound articles carry no delivery.
    expect(detail.articles.find((a) => a.direction === 'inbound')!.delivery).toBeNull();

    // A failed delivery shows on the article.
    await app.ds.query(`UPDATE outbound_message SET status = 'failed', attempts = 1, last_error = '550 5.1.1 mailbox unavailable' WHERE id = $1`, [body.outboundId]);
    const { body: after } = await app.call<TicketDetailDto>(`/tickets/${ticket.id}`);
    expect(after.articles.find((a) => a.id === body.articleId)!.delivery).toMatchObject({ state: 'failed', attempts: 1, lastError: '550 5.1.1 mailbox unavailable', nextAttemptAt: null });
  });

  it('413 for attachments over 10 MB (nothing queued) and for a body over the route\'s 16 MB; the 1 MB limit stays elsewhere', async () => {
    const before = await queuedCount();
    const half = Buffer.alloc(TEN_MB / 2 + 1, 7).toString('base64');
    const tooMuch = await app.call<{ code: string }>(`/tickets/${ticket.id}/replies`, {
      method: 'POST',
      json: { body: 'x', attachments: [1, 2].map((i) => ({ filename: `part${i}.bin`, contentType: 'application/octet-stream', contentBase64: half })) },
    });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([413, 'AttachmentsTooLarge']);
    const huge = await app.call<{ code: string; message: string }>(`/tickets/${ticket.id}/replies`, { method: 'POST', json: { body: 'x'.repeat(17 * 1024 * 1024) } });
    expect([huge.status, huge.body.code, huge.body.message]).toEqual([413, 'PayloadTooLarge', 'the JSON body is larger than 16 MB']);
    const elsewhere = await app.call<{ message: string }>(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'open', padding: 'x'.repeat(2 * 1024 * 1024) } });
    expect([elsewhere.status, elsewhere.body.message]).toEqual([413, 'the JSON body is larger than 1 MB']);
    expect(await queuedCount()).toBe(before);
    expect(Object.keys(await fieldsOf(`/tickets/${ticket.id}/replies`, { method: 'POST', json: { body: 'x', attachments: [{ filename: 'a', contentType: 'nope', contentBase64: '***' }] } })).sort()).toEqual([
      'attachments.0.contentBase64',
      'attachments.0.contentType',
    ]);
    expect(Object.keys(await fieldsOf(`/tickets/${ticket.id}/replies`, { method: 'POST', json: { body: 'x', cc: ['not an address'] } }))).toEqual(['cc']);
  }, 60_000);

  it('422 for a ticket whose requester address mail cannot go to: nothing queued', async () => {
    const broken = await app.seedTicket('Broken sender', 2);
    const [{ id: contactId }] = await app.ds.query(`INSERT INTO contact (email) VALUES ('undisclosed-recipients:;') RETURNING id`);
    await app.ds.query('UPDATE ticket SET requester_id = $1 WHERE id = $2', [contactId, broken.id]);
    const before = await queuedCount();
    const { status, body } = await app.call<{ code: string }>(`/tickets/${broken.id}/replies`, { method: 'POST', json: { body: 'Hello?' } });
    expect([status, body.code]).toEqual([422, 'InvalidRecipient']);
    expect(await queuedCount()).toBe(before);
    const [{ count: events }] = await app.ds.query(`SELECT count(*)::int AS count FROM outbox WHERE subject = 'casework.reply.requested' AND envelope->'data'->>'ticketId' = $1`, [broken.id]);
    expect(events).toBe(0);
  });
});
