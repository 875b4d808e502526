import { createHash, randomBytes } from 'node:crypto';
import { Subjects } from '@casework/contracts';
import { HashListRepository } from '@casework/database';
import { eventually } from '@casework/devkit';
import { multipart } from '../../../test/support/multipart-mail.js';
import { mail, RoutingBed } from './support/routing-bed.js';

const hex = (algorithm: 'sha256' | 'md5', bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(512)]);
const OTHER_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(512)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(256)]);

interface Row {
  filename: string;
  blocked: boolean;
  blocked_list_ids: string[];
  md5: string;
  kept: boolean;
}

/**
 * Hash lists through the built routing process: an attachment whose SHA-256 (or MD5) is on a list
 * sends its new ticket to the child-safety queue (created restricted on first need) as an
 * emergency with level-2 child-safety triage, is stored blocked with its bytes kept; a follow-up
 * carrying one moves and raises the ticket it continues; other mail is untouched.
 */
describe('routing: attachments on a hash list (built process)', () => {
  let routing: RoutingBed;
  let listId: string;
  const lists = new HashListRepository();

  async function attachmentsOf(rawMessageId: string): Promise<Row[]> {
    return routing.ds.query(
      `SELECT a.filename, a.blocked_at IS NOT NULL AS blocked, a.blocked_list_ids, a.md5, b.sha256 IS NOT NULL AS kept
         FROM attachment a JOIN article ar ON ar.id = a.article_id LEFT JOIN blob b ON b.sha256 = a.blob_sha256
        WHERE ar.raw_message_id = $1 ORDER BY a.position`,
      [rawMessageId],
    );
  }

  async function ticketRow(id: string): Promise<{ queue: string; restricted: boolean; priority: string; triage: { level: number; categories: { category: string; level: number }[] }; tags: string[]; spam_signals: string[] | null }> {
    const [row] = await routing.ds.query(`SELECT q.slug AS queue, q.restricted, t.priority, t.triage, t.tags, t.spam_signals FROM ticket t JOIN queue q ON q.id = t.queue_id WHERE t.id = $1`, [id]);
    return row;
  }

  beforeAll(async () => {
    routing = await RoutingBed.start();
    listId = await lists.create(routing.ds, { name: 'Hotline list', source: 'test', createdBy: null });
    await lists.addValues(routing.ds, listId, [hex('sha256', JPEG), hex('md5', OTHER_JPEG)]);
  }, 60_000);

  afterAll(() => routing?.stop(), 30_000);

  it('opens the ticket in the child-safety queue, restricted, as a level-2 emergency; the listed attachment blocked, its bytes kept', async () => {
    const raw = await routing.route(multipart('Look at this', [
      { filename: 'report.pdf', contentType: 'application/pdf', content: PDF },
      { filename: 'photo.jpg', contentType: 'image/jpeg', content: JPEG },
    ], ['X-Spam-Flag: YES']));
    const article = await routing.articleOf(raw);
    const ticket = await ticketRow(article.ticket_id);
    expect(ticket).toMatchObject({ queue: 'child-safety', restricted: true, priority: 'emergency', spam_signals: null });
    expect(ticket.triage).toMatchObject({ level: 2, categories: [{ category: 'child_safety', level: 2 }] });
    expect(ticket.tags).toEqual(expect.arrayContaining(['triage:child_safety', 'hash-list-match']));
    expect(await attachmentsOf(raw)).toEqual([
      { filename: 'report.pdf', blocked: false, blocked_list_ids: [], md5: hex('md5', PDF), kept: true },
      { filename: 'photo.jpg', blocked: true, blocked_list_ids: [listId], md5: hex('md5', JPEG), kept: true },
    ]);
    expect(await routing.history(article.ticket_id)).toContainEqual({ kind: 'hash_list_matched', details: { positions: [1], listIds: [listId] } });
    await eventually(async () => {
      const opened = (await routing.bed.events(Subjects.TicketOpened)).find((event) => event.envelope.data.ticketId === article.ticket_id);
      expect(opened?.envelope.data).toMatchObject({ priority: 'emergency', acknowledgement: { suppressed: false } });
    });
  });

  it('matches by MD5 on a follow-up: the ticket it continues moves to child safety and is raised to emergency (priority_changed pages)', async () => {
    const first = await routing.route(mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', 'Subject: Someone is sending my kid pictures', 'Message-ID: <start-1@example.org>']));
    const { ticket_id: ticketId } = await routing.articleOf(first);
    expect(await ticketRow(ticketId)).toMatchObject({ queue: 'safety', priority: 'normal' });
    const raw = await routing.route(multipart('Re: Someone is sending my kid pictures', [{ filename: 'img.jpg', contentType: 'application/octet-stream', content: OTHER_JPEG }], ['In-Reply-To: <start-1@example.org>']));
    expect((await routing.articleOf(raw)).ticket_id).toBe(ticketId);
    expect(await ticketRow(ticketId)).toMatchObject({ queue: 'child-safety', priority: 'emergency', triage: { level: 2 } });
    expect((await attachmentsOf(raw))[0]).toMatchObject({ blocked: true, blocked_list_ids: [listId] });
    await eventually(async () => {
      const raised = (await routing.bed.events(Subjects.TicketPriorityChanged)).find((event) => event.envelope.data.ticketId === ticketId);
      expect(raised?.envelope.data).toMatchObject({ from: 'normal', to: 'emergency' });
    });
  });

  it('leaves mail whose attachments are on no list as it was', async () => {
    const raw = await routing.route(multipart('Just a screenshot', [{ filename: 'screen.jpg', contentType: 'image/jpeg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(64)]) }]));
    const article = await routing.articleOf(raw);
    expect(await ticketRow(article.ticket_id)).toMatchObject({ queue: 'safety', priority: 'normal' });
    expect((await attachmentsOf(raw))[0]).toMatchObject({ blocked: false });
  });
});
