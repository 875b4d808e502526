import type { ValidationErrorBody } from '../src/common/validation-exception.factory.js';
import type { QueueDto, QueueListDto } from '../src/queues/dto/queue.dto.js';
import { ApiFixture } from './api-fixture.js';

const ROUTING_DEFAULTS = { addresses: [], role: null, unknownSenderFollowup: 'flag', reopenWindowDays: 30, spamScoreThreshold: 5, defaultLocale: null, timeZone: null, emergency: false, autoAssign: false, maxOpenPerAssignee: 10, retentionDays: null };

describe('api /queues (built process): the ops list', () => {
  const app = new ApiFixture();
  let queueId: string;

  const badFields = async (id: string, json: unknown) => {
    const { status, body } = await app.call<ValidationErrorBody>(`/queues/${id}`, { method: 'PATCH', json });
    expect([status, body.statusCode]).toEqual([400, 400]);
    return body.fields;
  };

  beforeAll(async () => {
    await app.start();
    [{ id: queueId }] = await app.ds.query(`SELECT id FROM queue WHERE is_default`);
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  /** The seeded queue as GET /queues lists it (the system queues are listed too). */
  const listed = async () => (await app.call<QueueListDto>('/queues')).body.items.find((queue) => queue.id === queueId)!;

  it('lists queues with their ops list, empty for the seeded demo queue (notices go to OPS_EMAIL)', async () => {
    const { status, body } = await app.call<QueueListDto>('/queues');
    expect(status).toBe(200);
    expect(body.items.find((queue) => queue.id === queueId)).toEqual({ id: queueId, slug: 'safety', name: 'Safety', address: 'safety@casework.test', opsEmails: [], restricted: false, ...ROUTING_DEFAULTS });
  });

  it('PATCH replaces the ops list (an address given twice kept once), GET shows it, [] clears it', async () => {
    const patched = await app.call<QueueDto>(`/queues/${queueId}`, {
      method: 'PATCH',
      json: { opsEmails: ['lead@example.org', 'ops-night@example.org', 'Lead@Example.org'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ id: queueId, slug: 'safety', name: 'Safety', address: 'safety@casework.test', opsEmails: ['lead@example.org', 'ops-night@example.org'], restricted: false, ...ROUTING_DEFAULTS });
    expect((await listed()).opsEmails).toEqual(['lead@example.org', 'ops-night@example.org']);
    const [row] = await app.ds.query(`SELECT ops_emails FROM queue WHERE id = $1`, [queueId]);
    expect(row.ops_emails).toEqual(['lead@example.org', 'ops-night@example.org']);

    // A PATCH without the field changes nothing.
    expect((await app.call<QueueDto>(`/queues/${queueId}`, { method: 'PATCH', json: {} })).body.opsEmails).toEqual(['lead@example.org', 'ops-night@example.org']);

    const cleared = await app.call<QueueDto>(`/queues/${queueId}`, { method: 'PATCH', json: { opsEmails: [] } });
    expect([cleared.status, cleared.body.opsEmails]).toEqual([200, []]);
  });

  it('400 names opsEmails for a bad address, a non-list, null, too many addresses; unknown fields are refused', async () => {
    const before = (await listed()).opsEmails;
    const bad = await badFields(queueId, { opsEmails: ['ops@example.org', 'not an address'] });
    expect(Object.keys(bad)).toEqual(['opsEmails']);
    expect(bad.opsEmails.join(' ')).toContain('email');
    expect(Object.keys(await badFields(queueId, { opsEmails: 'ops@example.org' }))).toEqual(['opsEmails']);
    expect(Object.keys(await badFields(queueId, { opsEmails: null }))).toEqual(['opsEmails']);
    expect(Object.keys(await badFields(queueId, { opsEmails: [42] }))).toEqual(['opsEmails']);
    const tooMany = Array.from({ length: 51 }, (_, i) => `ops${i}@example.org`);
    expect(Object.keys(await badFields(queueId, { opsEmails: tooMany }))).toEqual(['opsEmails']);
    expect(Object.keys(await badFields(queueId, { opsEmails: [], slug: 'renamed' }))).toEqual(['slug']);
    expect((await listed()).opsEmails).toEqual(before);
  });

  it('404 for an unknown or malformed queue id; 401 without a token', async () => {
    const unknown = await app.call<{ statusCode: number; code: string; message: string }>('/queues/00000000-0000-4000-8000-000000000000', {
      method: 'PATCH',
      json: { opsEmails: ['ops@example.org'] },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'QueueNotFound' });
    expect((await app.request('/queues/not-a-uuid', { method: 'PATCH', json: { opsEmails: [] } })).status).toBe(404);
    expect((await app.request(`/queues/${queueId}`, { method: 'PATCH', json: { opsEmails: [] }, token: null })).status).toBe(401);
  });
});
