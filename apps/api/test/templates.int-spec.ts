import type { ValidationErrorBody } from '../src/common/validation-exception.factory.js';
import type { PreviewDto } from '../src/templates/dto/preview.dto.js';
import type { TemplateDto, TemplateListDto, TemplateVersionListDto } from '../src/templates/dto/template.dto.js';
import { ApiFixture, type RequestOptions } from './api-fixture.js';

const UNKNOWN_ID = '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e';

describe('api /templates (built process): the library, strict variables, preview', () => {
  const app = new ApiFixture();
  const tokens: Record<'specialist' | 'lead', string> = { specialist: '', lead: '' };
  let queueId: string;

  const fieldsOf = async (path: string, init: RequestOptions): Promise<Record<string, string[]>> => {
    const { status, body } = await app.call<ValidationErrorBody>(path, init);
    expect([status, body.statusCode]).toEqual([400, 400]);
    return body.fields;
  };
  const find = async (query: string): Promise<TemplateDto> => {
    const { body } = await app.call<TemplateListDto>(`/templates?${query}`);
    expect(body.items).toHaveLength(1);
    return body.items[0]!;
  };

  beforeAll(async () => {
    await app.start();
    for (const role of ['specialist', 'lead'] as const) {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${role}@templates.test`, name: role, role } });
      tokens[role] = (await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'test' } })).body.token;
    }
    ({ id: queueId } = (await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'hilfe', name: 'Hilfe', address: 'hilfe@casework.test', defaultLocale: 'de' } })).body);
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('lists the seeded library: 5 mails and 2 partials in 8 languages, filtered by kind, key, locale and queue', async () => {
    const { status, body } = await app.call<TemplateListDto>('/templates', { token: tokens.specialist });
    expect(status).toBe(200);
    expect(body.items).toHaveLength(56);
    expect(new Set(body.items.map((t) => t.locale))).toEqual(new Set(['en', 'es', 'fr', 'de', 'ar', 'ru', 'zh', 'hi']));
    expect((await app.call<TemplateListDto>('/templates?kind=partial')).body.items).toHaveLength(16);
    const ack = await find('key=acknowledgement&locale=ar');
    expect(ack).toMatchObject({ kind: 'message', queueId: null, version: 1, html: null, updatedBy: null, subject: 'تلقّينا رسالتك: {{ticket.subject}}' });
    expect((await app.call<TemplateListDto>('/templates?queue=hilfe')).body.items).toEqual([]);
    expect((await app.call<TemplateListDto>('/templates?queue=no-such-queue')).body.items).toEqual([]);
    expect(Object.keys(await fieldsOf('/templates?locale=sp', {}))).toEqual(['locale']);
    expect((await app.call<TemplateDto>(`/templates/${ack.id}`, { token: tokens.specialist })).body).toEqual(ack);
    expect((await app.request(`/templates/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await app.request('/templates/not-a-uuid')).status).toBe(404);
  });

  it('creates snippets and queue overrides (admin, lead), refusing unknown locales, bad keys and duplicates; specialists only read', async () => {
    const json = { key: 'account-suspended', locale: 'en', kind: 'snippet', text: 'We have suspended the account you reported on ticket {{ticket.number}}.' };
    expect((await app.request('/templates', { method: 'POST', json, token: tokens.specialist })).status).toBe(403);
    const { status, body } = await app.call<TemplateDto>('/templates', { method: 'POST', json, token: tokens.lead });
    expect(status).toBe(201);
    expect(body).toMatchObject({ key: 'account-suspended', locale: 'en', kind: 'snippet', queueId: null, version: 1, subject: '', html: null, updatedBy: expect.any(String) });
    expect((await app.call<{ code: string }>('/templates', { method: 'POST', json })).body.code).toBe('TemplateConflict');

    const override = await app.call<TemplateDto>('/templates', { method: 'POST', json: { key: 'signature', locale: 'de', kind: 'partial', queueId, text: 'Ihr Hilfe-Team\n(Bereitschaft rund um die Uhr)' } });
    expect([override.status, override.body.queueId]).toEqual([201, queueId]);
    expect((await app.call<TemplateListDto>('/templates?queue=hilfe')).body.items.map((t) => t.key)).toEqual(['signature']);

    expect(Object.keys(await fieldsOf('/templates', { method: 'POST', json: { ...json, key: 'other', locale: 'sp' } }))).toEqual(['locale']);
    expect(Object.keys(await fieldsOf('/templates', { method: 'POST', json: { ...json, key: 'Bad Key' } }))).toEqual(['key']);
    expect(await fieldsOf('/templates', { method: 'POST', json: { ...json, key: 'footer', kind: 'partial' } })).toEqual({ key: ["a partial's key is one of salutation, signature"] });
    expect(await fieldsOf('/templates', { method: 'POST', json: { ...json, key: 'reply', kind: 'snippet' } })).toEqual({ key: ['reply is the key of a mail Casework sends: use kind "message"'] });
    expect(await fieldsOf('/templates', { method: 'POST', json: { ...json, key: 'x', queueId: UNKNOWN_ID } })).toEqual({ queueId: ['no such queue'] });
    expect(Object.keys(await fieldsOf('/templates', { method: 'POST', json: { key: 'x', locale: 'en' } }))).toEqual(['text']);
  });

  it('refuses an unknown variable, helper or partial and a syntax error at save, with the part, line and name', async () => {
    const post = (text: string, subject = 'Hi') => fieldsOf('/templates', { method: 'POST', json: { key: 'strict-test', locale: 'en', subject, text } });
    expect(await post('Hello,\n\nYour ticket is {{ticket.nmber}}.')).toEqual({ text: ['line 3, column 17: unknown variable "ticket.nmber" (did you mean "ticket.number"?)'] });
    expect(await post('{{shout requester.name}}')).toEqual({ text: [expect.stringMatching(/^line 1, column 0: unknown helper "shout"/)] });
    expect(await post('x\n{{> footer}}')).toEqual({ text: [expect.stringMatching(/^line 2, column 0: unknown partial "footer"/)] });
    expect(await post('ok', 'Re: {{#if ticket.subject}}')).toEqual({ subject: [expect.stringMatching(/^line 1, column \d+: syntax error: Expecting/)] });
    expect(await post('{{{requester.name}}}')).toEqual({ text: [expect.stringContaining('unescaped output')] });
    expect((await app.call<TemplateListDto>('/templates?key=strict-test')).body.items).toEqual([]);
  });

  it('saves every change as a new version (PUT), keeps the old ones, and checks the new text first', async () => {
    const snippet = await find('key=account-suspended');
    const put = await app.call<TemplateDto>(`/templates/${snippet.id}`, { method: 'PUT', json: { text: 'The account you reported ({{ticketTag}}) is suspended.' }, token: tokens.lead });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: snippet.id, version: 2, text: 'The account you reported ({{ticketTag}}) is suspended.' });
    expect(await fieldsOf(`/templates/${snippet.id}`, { method: 'PUT', json: { text: '{{ticket.closedAt}}' } })).toEqual({ text: ['line 1, column 2: unknown variable "ticket.closedAt"'] });
    const { body: versions } = await app.call<TemplateVersionListDto>(`/templates/${snippet.id}/versions`, { token: tokens.specialist });
    expect(versions.items.map((v) => [v.version, v.text.slice(0, 24)])).toEqual([
      [2, 'The account you reported'],
      [1, 'We have suspended the ac'],
    ]);
    expect((await app.request(`/templates/${snippet.id}`, { method: 'PUT', json: { text: 'x' }, token: tokens.specialist })).status).toBe(403);
    expect((await app.request(`/templates/${UNKNOWN_ID}`, { method: 'PUT', json: { text: 'x' } })).status).toBe(404);
  });

  it('previews with a sample or a ticket: subject, text, HTML, locale and the variables without a value', async () => {
    const ack = await find('key=acknowledgement&locale=ar');
    const sample = await app.call<PreviewDto>(`/templates/${ack.id}/preview`, { method: 'POST', json: {}, token: tokens.specialist });
    expect(sample.status).toBe(200);
    expect(sample.body).toMatchObject({ locale: 'ar', missing: [], subject: 'تلقّينا رسالتك: Report of a threatening message' });
    expect(sample.body.text).toMatch(/^مرحبًا Alex Example،/);
    expect(sample.body.html).toMatch(/<html lang="ar" dir="rtl">/);

    const nameless = await app.call<PreviewDto>(`/templates/${ack.id}/preview`, { method: 'POST', json: { sample: { requester: { name: null } } } });
    expect(nameless.body.missing).toEqual(['requester.name']);
    expect(nameless.body.text).toMatch(/^مرحبًا،/);

    const ticket = await app.seedTicket('Doxxing report', 1);
    const en = await find('key=acknowledgement&locale=en');
    const forTicket = await app.call<PreviewDto>(`/templates/${en.id}/preview`, { method: 'POST', json: { ticketId: ticket.id } });
    expect(forTicket.body.subject).toBe('We received your message: Doxxing report');
    expect(forTicket.body.text).toContain(`it is now ticket ${ticket.number}.`);
    expect(forTicket.body.text).toMatch(/^Hello Rita Reporter,/);

    // Unsaved texts are checked like a save.
    expect(await fieldsOf(`/templates/${en.id}/preview`, { method: 'POST', json: { text: 'Hi\n{{requester.nme}}' } })).toEqual({ text: ['line 2, column 2: unknown variable "requester.nme" (did you mean "requester.name"?)'] });
    const draft = await app.call<PreviewDto>(`/templates/${en.id}/preview`, { method: 'POST', json: { text: '{{> salutation}} {{quote}}', ticketId: ticket.id } });
    expect(draft.body.text).toBe('Hello Rita Reporter, > First message\n');
    expect(Object.keys(await fieldsOf(`/templates/${en.id}/preview`, { method: 'POST', json: { ticketId: ticket.id, sample: {} } }))).toEqual(['sample']);
    expect((await app.request(`/templates/${en.id}/preview`, { method: 'POST', json: { ticketId: UNKNOWN_ID } })).status).toBe(404);
  });

  it('a preview for a ticket follows the ticket rule: a restricted queue without a grant is 404', async () => {
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'secret', name: 'Secret', address: 'secret@casework.test', restricted: true } });
    const ticket = await app.seedTicket('Restricted report', 1);
    await app.ds.query('UPDATE ticket SET queue_id = $1 WHERE id = $2', [queue.id, ticket.id]);
    const en = await find('key=acknowledgement&locale=en');
    expect((await app.request(`/templates/${en.id}/preview`, { method: 'POST', json: { ticketId: ticket.id }, token: tokens.specialist })).status).toBe(404);
    expect((await app.request(`/templates/${en.id}/preview`, { method: 'POST', json: {}, token: tokens.specialist })).status).toBe(200);
  });

  it("renders the global partials for a sample, a queue's own for its tickets", async () => {
    const reply = await find('key=reply&locale=de');
    const { body } = await app.call<PreviewDto>(`/templates/${reply.id}/preview`, { method: 'POST', json: { sample: { body: 'Wir haben das Konto gesperrt.' } } });
    expect(body.text).toBe('Guten Tag Alex Example,\n\nWir haben das Konto gesperrt.\n\nMit freundlichen Grüßen\nIhr Safety-Team\n');
    const ticket = await app.seedTicket('Bitte um Hilfe', 1);
    await app.ds.query('UPDATE ticket SET queue_id = $1 WHERE id = $2', [queueId, ticket.id]);
    const forQueue = await app.call<PreviewDto>(`/templates/${reply.id}/preview`, { method: 'POST', json: { ticketId: ticket.id } });
    expect(forQueue.body.text).toBe('Guten Tag Rita Reporter,\n\nIhr Hilfe-Team\n(Bereitschaft rund um die Uhr)\n');
    expect(forQueue.body.missing).toEqual(['body']);
  });

  it('deletes a template (its versions stay in the database) but not a global system one', async () => {
    const snippet = await find('key=account-suspended');
    expect((await app.request(`/templates/${snippet.id}`, { method: 'DELETE', token: tokens.specialist })).status).toBe(403);
    expect((await app.request(`/templates/${snippet.id}`, { method: 'DELETE', token: tokens.lead })).status).toBe(204);
    expect((await app.request(`/templates/${snippet.id}`)).status).toBe(404);
    expect((await app.request(`/templates/${snippet.id}/versions`)).status).toBe(404);
    const [{ count }] = await app.ds.query('SELECT count(*)::int AS count FROM template_version WHERE template_id = $1', [snippet.id]);
    expect(count).toBe(2);
    const ack = await find('key=acknowledgement&locale=en');
    expect((await app.call<{ code: string }>(`/templates/${ack.id}`, { method: 'DELETE' })).body.code).toBe('TemplateConflict');
    const audit = await app.ds.query(`SELECT action FROM audit_event WHERE action LIKE 'template.%'`);
    expect(new Set(audit.map((row: { action: string }) => row.action))).toEqual(new Set(['template.created', 'template.version_saved', 'template.deleted', 'template.previewed']));
  });
});
