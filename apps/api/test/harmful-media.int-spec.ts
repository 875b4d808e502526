import { createHash, randomBytes } from 'node:crypto';
import { AttachmentRepository } from '@casework/database';
import { storableAttachment, type ParsedAttachment } from '@casework/mail';
import type { TicketDetailDto } from '../src/tickets/dto/ticket-detail.dto.js';
import { ApiFixture, type SeededTicket } from './api-fixture.js';

const hex = (algorithm: 'sha256' | 'md5', bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300)]);

function parsed(filename: string, contentType: string, content: Buffer, extra: Partial<ParsedAttachment> = {}): ParsedAttachment {
  return { filename, contentType, size: content.length, sha256: hex('sha256', content), md5: hex('md5', content), content, contentId: null, inline: false, ...extra };
}

interface AuditItem {
  action: string;
  subject: string;
  ticketIds: string[];
  details: Record<string, unknown>;
}

/**
 * Harmful media on the built api: hash-list uploads (a bad value is a 400 naming its line; stored
 * mail it matches is blocked at once), a blocked attachment fetched only by an admin with a
 * reason the audit keeps, and a restricted queue's ticket never carrying an image: HTML without
 * cid:/data: images, attachments a list, every download `attachment` and audited.
 */
describe('harmful media: hash lists, blocked attachments, restricted queues (built api)', () => {
  const app = new ApiFixture();
  const attachments = new AttachmentRepository();
  let open: SeededTicket;
  let restricted: SeededTicket;
  let restrictedQueueId: string;
  const photo = jpeg();
  const laterPhoto = jpeg();
  let ids: string[];
  let restrictedIds: string[];
  const tokens: Record<'specialist' | 'lead', string> = { specialist: '', lead: '' };

  const inboundArticle = async (ticketId: string): Promise<string> => (await app.ds.query(`SELECT id FROM article WHERE ticket_id = $1 AND direction = 'inbound'`, [ticketId]))[0].id;
  const audit = async (action: string): Promise<AuditItem[]> => (await app.call<{ items: AuditItem[] }>(`/audit?action=${action}&limit=50`)).body.items;

  beforeAll(async () => {
    await app.start();
    open = await app.seedTicket('Pictures someone sent', 1);
    restricted = await app.seedTicket('Report to the child desk', 2);
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'child-desk', name: 'Child desk', address: 'child-desk@casework.test', restricted: true } });
    restrictedQueueId = queue.id;
    await app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [restricted.id, restrictedQueueId]);
    await app.ds.query(`UPDATE article SET body_html = $2 WHERE id = $1`, [await inboundArticle(restricted.id), '<p>See <img src="cid:photo@x" alt="photo"> and <img src="data:image/png;base64,iVBORw0KGgo="></p>']);
    ids = await app.ds.transaction(async (tx) =>
      attachments.addToArticle(tx, await inboundArticle(open.id), [parsed('photo.jpg', 'image/jpeg', photo), parsed('notes.txt', 'text/plain', Buffer.from('notes'))].map((a) => storableAttachment(a, 1 << 20))),
    );
    restrictedIds = await app.ds.transaction(async (tx) =>
      attachments.addToArticle(tx, await inboundArticle(restricted.id), [
        storableAttachment(parsed('photo.bin', 'application/octet-stream', jpeg(), { contentId: 'photo@x', inline: true }), 1 << 20),
        storableAttachment(parsed('clip.mp4', 'video/mp4', randomBytes(64)), 1 << 20),
      ]),
    );
    for (const role of ['specialist', 'lead'] as const) {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${role}@media.test`, name: role, role } });
      tokens[role] = (await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'media' } })).body.token;
    }
    // The admin (bootstrap) and the specialist may read the restricted queue: the ticket rule lets them in, the media rules still hold.
    const { body: users } = await app.call<{ items: { id: string; email: string }[] }>('/users');
    const grants = users.items.filter((u) => ['bootstrap@casework.local', 'specialist@media.test'].includes(u.email)).map((u) => ({ userId: u.id, level: 'write' }));
    expect((await app.call(`/queues/${restrictedQueueId}/access`, { method: 'PUT', json: { grants } })).status).toBe(200);
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('refuses a list with a malformed value, naming its line or entry and the value', async () => {
    const text = await app.call<{ fields: Record<string, string[]> }>('/hash-lists', { method: 'POST', json: { name: 'Bad', text: `# list\n${hex('md5', photo)}\nnot-a-hash-at-all\n` } });
    expect(text.status).toBe(400);
    expect(text.body.fields).toEqual({ text: ['line 3 is not a SHA-256 or MD5 in hex: "not-a-hash-at-all"'] });
    const entries = await app.call<{ fields: Record<string, string[]> }>('/hash-lists', { method: 'POST', json: { name: 'Bad', entries: [hex('sha256', photo), 'f'.repeat(63)] } });
    expect(entries.status).toBe(400);
    expect(entries.body.fields).toEqual({ 'entries.1': [expect.stringContaining('entry 2')] });
    expect((await app.call<{ items: unknown[] }>('/hash-lists')).body.items).toEqual([]);
  });

  it('is for admins only', async () => {
    for (const token of Object.values(tokens)) {
      expect((await app.call('/hash-lists', { token })).status).toBe(403);
      expect((await app.call('/hash-lists', { method: 'POST', token, json: { name: 'x', entries: [hex('md5', photo)] } })).status).toBe(403);
    }
  });

  it('blocks the stored attachments an upload matches at once, and lists the list with its counts, never its values', async () => {
    const created = await app.call<{ list: { id: string; name: string; counts: object }; added: number; blockedExisting: number }>('/hash-lists', {
      method: 'POST',
      json: { name: 'Hotline 2026-06', source: 'test hotline', text: `${hex('sha256', photo).toUpperCase()}  photo.jpg\n\nmd5:${hex('md5', randomBytes(8))}\n` },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ list: { name: 'Hotline 2026-06', counts: { sha256: 1, md5: 1 } }, added: 2, blockedExisting: 1 });
    const listId = created.body.list.id;
    expect((await app.call(`/hash-lists/${listId}`)).body).toMatchObject({ id: listId, source: 'test hotline' });
    const appended = await app.call<{ added: number; blockedExisting: number }>(`/hash-lists/${listId}/entries`, { method: 'POST', json: { entries: [hex('md5', laterPhoto), hex('sha256', photo)] } });
    expect(appended).toMatchObject({ status: 200, body: { added: 1, blockedExisting: 0 } });
    const [event] = await audit('hash_list.created');
    expect(event).toMatchObject({ subject: `hash_list:${listId}`, ticketIds: [open.id], details: { blockedExisting: [{ attachmentId: ids[0], ticketId: open.id }] } });
    expect(JSON.stringify(event)).not.toContain(hex('sha256', photo));

    const { body: detail } = await app.call<TicketDetailDto>(`/tickets/${open.id}`);
    expect(detail.articles[0].attachments.map((a) => [a.filename, a.blocked, a.media, a.md5])).toEqual([
      ['photo.jpg', true, true, hex('md5', photo)],
      ['notes.txt', false, false, hex('md5', Buffer.from('notes'))],
    ]);
  });

  it('lets nobody fetch a blocked attachment but an admin with a reason, which the audit keeps', async () => {
    const path = `/tickets/${open.id}/attachments/${ids[0]}`;
    for (const token of Object.values(tokens)) {
      const refused = await app.call<{ code: string }>(`${path}?reason=${encodeURIComponent('I need to see it for the case')}`, { token });
      expect(refused).toMatchObject({ status: 403, body: { code: 'AttachmentBlocked' } });
    }
    expect((await app.call<{ code: string }>(path)).body.code).toBe('AttachmentBlocked');
    expect((await app.call<{ code: string }>(`${path}?reason=x`)).body.code).toBe('AttachmentBlocked');
    const reason = 'CyberTipline report 4711 for NCMEC';
    const released = await app.request(`${path}?reason=${encodeURIComponent(reason)}`);
    expect(released.status).toBe(200);
    expect(released.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await released.arrayBuffer()).equals(photo)).toBe(true);
    const events = await audit('attachment.downloaded');
    expect(events.find((e) => e.subject === `attachment:${ids[0]}`)).toMatchObject({ ticketIds: [open.id], details: { attachmentId: ids[0], blocked: true, reason } });
    // The unblocked one: any reader, audited too, no reason asked.
    expect((await app.request(`/tickets/${open.id}/attachments/${ids[1]}`, { token: tokens.specialist })).status).toBe(200);
  });

  it('shows a restricted queue’s ticket without any image: HTML without cid:/data:, attachments a list, downloads always attachment and audited', async () => {
    const { status, body } = await app.call<TicketDetailDto>(`/tickets/${restricted.id}`, { token: tokens.specialist });
    expect(status).toBe(200);
    expect(body.mediaWithheld).toBe(true);
    const inbound = body.articles.find((a) => a.direction === 'inbound')!;
    expect(inbound.html).toBe('<p>See  and </p>');
    expect(inbound.attachments.map((a) => [a.filename, a.contentType, a.size, a.sha256.length, a.media])).toEqual([
      ['photo.bin', 'image/jpeg', 304, 64, true],
      ['clip.mp4', 'video/mp4', 64, 64, true],
    ]);
    for (const id of restrictedIds) {
      const response = await app.request(`/tickets/${restricted.id}/attachments/${id}`, { token: tokens.specialist });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(response.headers.get('content-security-policy')).toBe('sandbox');
      await response.arrayBuffer();
    }
    const events = await audit('attachment.downloaded');
    for (const id of restrictedIds) expect(events.find((e) => e.subject === `attachment:${id}`)).toMatchObject({ ticketIds: [restricted.id], details: { attachmentId: id, blocked: false } });
    // The unrestricted ticket keeps its inline images as before.
    expect((await app.call<TicketDetailDto>(`/tickets/${open.id}`)).body.mediaWithheld).toBe(false);
    // The lead has no grant: the restricted ticket and its attachments do not exist for them.
    expect((await app.call(`/tickets/${restricted.id}/attachments/${restrictedIds[0]}`, { token: tokens.lead })).status).toBe(404);
  });

  it('deletes a list (its attachments stay blocked)', async () => {
    const { body } = await app.call<{ items: { id: string }[] }>('/hash-lists');
    const id = body.items[0].id;
    expect((await app.request(`/hash-lists/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.call(`/hash-lists/${id}`)).status).toBe(404);
    expect((await app.call<{ code: string }>(`/tickets/${open.id}/attachments/${ids[0]}`)).body.code).toBe('AttachmentBlocked');
  });
});
