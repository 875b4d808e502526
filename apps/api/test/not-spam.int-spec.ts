import { QueueRepository, TicketRepository } from '@casework/database';
import { startOnFreePort, startService, startSmtpCatcher, type ManagedProcess, type SmtpCatcher } from '@casework/devkit';
import { ApiFixture } from './api-fixture.js';

interface TicketView {
  id: string;
  queue: { slug: string };
  spam: { signals: string[]; intendedQueue: { slug: string } | null } | null;
}

/**
 * POST /tickets/:id/not-spam over HTTP against the built api, with the built template-reply
 * listening: the ticket moves back to the queue routing would have given it, the step is in its
 * history and the audit trail, and the acknowledgement held back while it sat in spam is sent.
 */
describe('not-spam (built api and template-reply, SMTP catcher)', () => {
  const app = new ApiFixture();
  let smtp: SmtpCatcher;
  let templateReply: ManagedProcess | undefined;
  let harassmentId: string;
  let spamQueueId: string;

  /** A ticket as routing files a spam-flagged mail: in the spam queue, remembering where it would have gone. */
  async function spamTicket(subject: string, acknowledgementHeld: boolean): Promise<{ id: string; number: string }> {
    const tickets = new TicketRepository();
    return app.ds.transaction(async (tx) => {
      const requester = { email: 'writer@example.org', name: 'Wren Writer' };
      const requesterId = await tickets.upsertContact(tx, requester);
      const opened = await tickets.open(tx, {
        subject,
        queueId: spamQueueId,
        requesterId,
        priority: 'normal',
        spam: { signals: ['X-Spam-Flag: YES'], intendedQueueId: harassmentId, acknowledgementHeld },
      });
      await tickets.addArticle(tx, {
        ticketId: opened.id,
        direction: 'inbound',
        from: requester,
        to: [{ email: 'harassment@casework.test', name: null }],
        cc: [],
        subject,
        text: 'Someone keeps posting my address.',
        html: null,
        messageId: `${opened.number}@writer.example`,
        inReplyTo: null,
        references: [],
        automated: false,
      });
      return opened;
    });
  }

  beforeAll(async () => {
    await app.start();
    smtp = await startSmtpCatcher();
    const env = { PATH: process.env.PATH, DATABASE_URL: app.db.url, NATS_URL: app.nats.url, SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', MAIL_FROM: 'safety@casework.test', LOG_LEVEL: 'warn' };
    // Every ticket here is from the same writer: the one acknowledgement per sender and day (RFC 3834) is not what this file tests.
    templateReply = (await startOnFreePort((port) => startService('template-reply', { ...env, ACK_PER_SENDER_WINDOW_MINUTES: '0', HTTP_PORT: String(port) }), (port) => `http://127.0.0.1:${port}/health`)).service;
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'harassment', name: 'Harassment', address: 'harassment@casework.test' } });
    harassmentId = queue.id;
    spamQueueId = (await new QueueRepository().findBySlug(app.ds, 'spam'))!.id;
  }, 120_000);

  afterAll(async () => {
    await templateReply?.kill();
    await smtp?.stop();
    await app.stop();
  }, 60_000);

  it('shows a spam ticket in the visible spam queue with its signals and the queue it would have had', async () => {
    const ticket = await spamTicket('My address is posted', true);
    const { body } = await app.call<TicketView>(`/tickets/${ticket.id}`);
    expect(body).toMatchObject({ queue: { slug: 'spam' }, spam: { signals: ['X-Spam-Flag: YES'], intendedQueue: { slug: 'harassment' } } });
    expect((await app.call<{ items: { id: string }[] }>('/tickets?queue=spam')).body.items.map((t) => t.id)).toContain(ticket.id);
  });

  it('moves it back, records who did it, and sends the acknowledgement held back', async () => {
    const ticket = await spamTicket('Doxxing report', true);
    const released = await app.call<TicketView>(`/tickets/${ticket.id}/not-spam`, { method: 'POST' });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ id: ticket.id, queue: { slug: 'harassment' }, spam: null });

    const acknowledgement = await smtp.waitFor((mail) => mail.subject.includes(`[#${ticket.number}]`), 15_000);
    expect(acknowledgement.envelopeTo).toEqual(['writer@example.org']);
    expect(acknowledgement.headers.get('in-reply-to')).toBe(`<${ticket.number}@writer.example>`);

    const { body: detail } = await app.call<{ history: { kind: string; details: object; actorId: string | null }[] }>(`/tickets/${ticket.id}`);
    expect(detail.history).toEqual([{ at: expect.any(String), kind: 'released_from_spam', details: { fromQueueId: spamQueueId, toQueueId: harassmentId }, articleId: null, actorId: await app.bootstrapUserId() }]);
    const audit = await app.ds.query(`SELECT action, queue_id FROM audit_event WHERE $1 = ANY(ticket_ids)`, [ticket.id]);
    expect(audit).toEqual([{ action: 'ticket.not_spam', queue_id: harassmentId }]);
  });

  it('sends no acknowledgement for a ticket that would not have had one', async () => {
    const ticket = await spamTicket('Newsletter', false);
    expect((await app.call(`/tickets/${ticket.id}/not-spam`, { method: 'POST' })).status).toBe(200);
    const [event] = await app.ds.query(`SELECT envelope FROM outbox WHERE subject = 'casework.ticket.not_spam' AND envelope -> 'data' ->> 'ticketId' = $1`, [ticket.id]);
    expect(event.envelope.data).toEqual({ ticketId: ticket.id, ticketNumber: ticket.number, fromQueueId: spamQueueId, toQueueId: harassmentId, acknowledge: false });
    // A ticket released after it is acknowledged: template-reply, taking them in order, has passed the first by then.
    const later = await spamTicket('Released after it', true);
    expect((await app.call(`/tickets/${later.id}/not-spam`, { method: 'POST' })).status).toBe(200);
    await smtp.waitFor((mail) => mail.subject.includes(`[#${later.number}]`), 15_000);
    expect(await app.ds.query(`SELECT id FROM outbound_message WHERE ticket_id = $1`, [ticket.id])).toEqual([]);
  });

  it('answers 409 TicketNotInSpam for a ticket outside the spam queue, 404 for an unknown one', async () => {
    const ticket = await spamTicket('Twice', false);
    expect((await app.call(`/tickets/${ticket.id}/not-spam`, { method: 'POST' })).status).toBe(200);
    const again = await app.call<{ code: string }>(`/tickets/${ticket.id}/not-spam`, { method: 'POST' });
    expect([again.status, again.body.code]).toEqual([409, 'TicketNotInSpam']);
    const unknown = await app.call<{ code: string }>('/tickets/00000000-0000-4000-8000-000000000000/not-spam', { method: 'POST' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'TicketNotFound']);
  });
});
