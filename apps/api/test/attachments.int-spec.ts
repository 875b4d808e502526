import { createHash, randomBytes } from 'node:crypto';
import { AttachmentRepository } from '@casework/database';
import { storableAttachment, type ParsedAttachment } from '@casework/mail';
import type { TicketDetailDto } from '../src/tickets/dto/ticket-detail.dto.js';
import { ApiFixture, type SeededTicket } from './api-fixture.js';

const UNKNOWN_ID = '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

function parsed(filename: string | null, contentType: string, content: Buffer, extra: Partial<ParsedAttachment> = {}): ParsedAttachment {
  return { filename, contentType, size: content.length, sha256: sha256(content), md5: md5(content), content, contentId: null, inline: false, ...extra };
}

describe('attachments API (built api process)', () => {
  const app = new ApiFixture();
  const attachments = new AttachmentRepository();
  let ticket: SeededTicket;
  let other: SeededTicket;
  let ids: string[];
  let otherIds: string[];

  // An HTML page declared as a PNG, an executable, a Unicode name, and one over the limit.
  const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(200)]);
  const big = randomBytes(2048);

  const inboundArticle = async (ticketId: string): Promise<string> =>
    (await app.ds.query(`SELECT id FROM article WHERE ticket_id = $1 AND direction = 'inbound'`, [ticketId]))[0].id;

  beforeAll(async () => {
    await app.start();
    ticket = await app.seedTicket('Report with attachments', 1);
    other = await app.seedTicket('Another report', 2);
    ids = await app.ds.transaction(async (tx) =>
      attachments.addToArticle(
        tx,
        await inboundArticle(ticket.id),
        [
          parsed('cute-cat.png', 'image/png', html),
          parsed('Grüße "aus" Köln.exe', 'application/pdf', exe),
          parsed('capture.bin', 'application/octet-stream', big),
          parsed(null, 'image/jpeg', Buffer.from('ffd8ffe000104a464946', 'hex'), { contentId: 'img1@x', inline: true }),
        ].map((attachment) => storableAttachment(attachment, 1024)),
      ),
    );
    otherIds = await app.ds.transaction(async (tx) =>
      attachments.addToArticle(tx, await inboundArticle(other.id), [storableAttachment(parsed('theirs.txt', 'text/plain', Buffer.from('not yours')), 1024)]),
    );
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('lists each article’s attachments in the ticket detail, with declared and sniffed types', async () => {
    const { status, body } = await app.call<TicketDetailDto>(`/tickets/${ticket.id}`);
    expect(status).toBe(200);
    const [inbound, outbound] = body.articles;
    expect(outbound.attachments).toEqual([]);
    expect(inbound.attachments).toEqual([
      {
        ...{ id: ids[0], filename: 'cute-cat.png', contentType: 'text/html', declaredContentType: 'image/png', sniffedContentType: 'text/html' },
        ...{ size: html.length, sha256: sha256(html), md5: md5(html), media: true, blocked: false, inline: false, stored: true, omittedReason: null },
      },
      {
        ...{ id: ids[1], filename: 'Grüße _aus_ Köln.exe', contentType: 'application/x-msdownload', declaredContentType: 'application/pdf' },
        ...{ sniffedContentType: 'application/x-msdownload', size: exe.length, sha256: sha256(exe), md5: md5(exe), media: false, blocked: false, inline: false, stored: true, omittedReason: null },
      },
      {
        ...{ id: ids[2], filename: 'capture.bin', contentType: 'application/octet-stream', declaredContentType: 'application/octet-stream', sniffedContentType: null },
        ...{ size: big.length, sha256: sha256(big), md5: md5(big), media: false, blocked: false, inline: false, stored: false, omittedReason: 'over the 1024-byte attachment limit' },
      },
      {
        ...{ id: ids[3], filename: 'attachment.bin', contentType: 'image/jpeg', declaredContentType: 'image/jpeg', sniffedContentType: 'image/jpeg' },
        ...{ size: 10, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), md5: expect.stringMatching(/^[0-9a-f]{32}$/), media: true, blocked: false, inline: true, stored: true, omittedReason: null },
      },
    ]);
  });

  it('serves the bytes as an opaque download, never as the declared type', async () => {
    const response = await app.request(`/tickets/${ticket.id}/attachments/${ids[0]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="cute-cat.png"; filename*=UTF-8''cute-cat.png`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-length')).toBe(String(html.length));
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(sha256(html));
  });

  it('encodes a non-ASCII filename with an ASCII fallback', async () => {
    const response = await app.request(`/tickets/${ticket.id}/attachments/${ids[1]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Gru_e _aus_ Koln.exe"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20_aus_%20K%C3%B6ln.exe`,
    );
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(exe));
  });

  it('answers 410 for an attachment whose bytes were not stored', async () => {
    const { status, body } = await app.call<{ statusCode: number; code: string; message: string }>(`/tickets/${ticket.id}/attachments/${ids[2]}`);
    expect([status, body.statusCode, body.code]).toEqual([410, 410, 'AttachmentNotStored']);
    expect(body.message).toContain('over the 1024-byte attachment limit');
  });

  it('answers 404 for unknown ids, malformed ids and another ticket’s attachment', async () => {
    for (const path of [
      `/tickets/${ticket.id}/attachments/${UNKNOWN_ID}`,
      `/tickets/${ticket.id}/attachments/not-a-uuid`,
      `/tickets/${UNKNOWN_ID}/attachments/${ids[0]}`,
      `/tickets/not-a-uuid/attachments/${ids[0]}`,
      `/tickets/${ticket.id}/attachments/${otherIds[0]}`,
      `/tickets/${other.id}/attachments/${ids[0]}`,
    ]) {
      const { status, body } = await app.call<{ statusCode: number; code: string }>(path);
      // A ticket that does not exist (or is hidden from the caller) is reported as the ticket.
      const code = path.startsWith(`/tickets/${UNKNOWN_ID}/`) || path.startsWith('/tickets/not-a-uuid/') ? 'TicketNotFound' : 'AttachmentNotFound';
      expect([path, status, body.statusCode, body.code]).toEqual([path, 404, 404, code]);
    }
    expect((await app.request(`/tickets/${other.id}/attachments/${otherIds[0]}`)).status).toBe(200);
  });

  it('requires the bearer token', async () => {
    expect((await app.request(`/tickets/${ticket.id}/attachments/${ids[0]}`, { token: null })).status).toBe(401);
  });

  it('documents the download in the OpenAPI spec', async () => {
    const docs = app.base.replace(/\/v1$/, '/docs');
    const { body } = await app.call<{ paths: Record<string, object> }>(`${docs}-json`, { token: null });
    expect(body.paths).toHaveProperty(['/api/v1/tickets/{ticketId}/attachments/{attachmentId}']);
  });
});
