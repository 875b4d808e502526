import { randomUUID } from 'node:crypto';
import { Subjects } from '@casework/contracts';
import { OutboundRepository } from '@casework/database';
import { eventually } from '@casework/devkit';
import { mail, RoutingBed } from './support/routing-bed.js';

/**
 * Bounces, auto-replies, our own mail and spam on the built routing process: a DSN attached to
 * the ticket of the message it reports on (marked failed, outbound.bounced, no ticket), an
 * unmatched one in the postmaster queue, an auto-reply kept as a system note, our own mail
 * dropped, spam in the visible spam queue without an acknowledgement, a pathological mail routed.
 */
describe('routing: bounces, auto-replies, loop guard and spam (built process)', () => {
  let routing: RoutingBed;
  const outbound = new OutboundRepository();

  /** Rita's ticket and the acknowledgement we sent her (its Message-ID ours). */
  async function ticketWithAcknowledgement(): Promise<{ ticketId: string; number: string; outboundId: string; ackMessageId: string }> {
    const raw = await routing.route(mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', `Subject: Report ${randomUUID()}`, `Message-ID: <${randomUUID()}@example.org>`]));
    const { ticket_id: ticketId } = await routing.articleOf(raw);
    const { number } = await routing.ticket(ticketId);
    const ackMessageId = `${randomUUID()}@casework.test`;
    const outboundId = await outbound.insert(routing.ds, {
      ticketId,
      kind: 'acknowledgement',
      messageId: ackMessageId,
      inReplyTo: null,
      references: [],
      fromEmail: 'safety@casework.test',
      to: { email: 'rita@example.org', name: 'Rita' },
      subject: `We received your message [#${number}]`,
      text: 'Thank you.',
    });
    await outbound.markSentAll(routing.ds, [outboundId!]);
    return { ticketId, number, outboundId: outboundId!, ackMessageId };
  }

  function dsn(original: string, status: string, action: string): Buffer {
    return mail(
      ['From: Mail Delivery System <MAILER-DAEMON@mx.example.org>', 'To: safety@casework.test', 'Subject: Undelivered Mail Returned to Sender', 'Auto-Submitted: auto-replied', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"'],
      [
        '--b', 'Content-Type: text/plain', '', 'Delivery failed.',
        '--b', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.org', '', 'Final-Recipient: rfc822; rita@example.org', `Action: ${action}`, `Status: ${status}`,
        '--b', 'Content-Type: text/rfc822-headers', '', 'From: safety@casework.test', 'To: rita@example.org', `Message-ID: <${original}>`, 'Subject: We received your message',
        '--b--',
      ].join('\r\n'),
    );
  }

  beforeAll(async () => {
    routing = await RoutingBed.start();
  }, 60_000);

  afterAll(() => routing?.stop(), 30_000);

  it('attaches a DSN to the ticket of the message it reports on, marks that message failed, emits outbound.bounced and opens no ticket', async () => {
    const sent = await ticketWithAcknowledgement();
    const before = await routing.ticketCount();
    const raw = await routing.route(dsn(sent.ackMessageId, '5.1.1', 'failed'));
    expect(await routing.ticketCount()).toBe(before);
    const note = await routing.articleOf(raw);
    expect(note).toMatchObject({ ticket_id: sent.ticketId, direction: 'note', system_note: 'bounce', automated: true, status: 'open' });
    const [row] = await routing.ds.query(`SELECT status, failure_status, last_error FROM outbound_message WHERE id = $1`, [sent.outboundId]);
    expect(row).toEqual({ status: 'failed', failure_status: '5.1.1', last_error: 'bounced: 5.1.1' });
    expect(await routing.history(sent.ticketId)).toContainEqual({ kind: 'bounce_attached', details: { outboundId: sent.outboundId, status: '5.1.1', failed: true } });
    await eventually(async () => {
      const bounced = await routing.bed.events(Subjects.OutboundBounced);
      expect(bounced.map((event) => event.envelope.data)).toContainEqual({ outboundId: sent.outboundId, ticketId: sent.ticketId, articleId: note.id, status: '5.1.1', failed: true });
    });
  });

  it('notes a delay on the ticket without failing the message', async () => {
    const sent = await ticketWithAcknowledgement();
    await routing.route(dsn(sent.ackMessageId, '4.4.7', 'delayed'));
    const [row] = await routing.ds.query(`SELECT status, failure_status FROM outbound_message WHERE id = $1`, [sent.outboundId]);
    expect(row).toEqual({ status: 'sent', failure_status: '4.4.7' });
  });

  it('sends a bounce that matches none of our mail to the postmaster queue, unacknowledged', async () => {
    const raw = await routing.route(dsn(`${randomUUID()}@elsewhere.example`, '5.1.1', 'failed'));
    const article = await routing.articleOf(raw);
    expect(article).toMatchObject({ queue: 'postmaster', system_note: 'bounce', direction: 'inbound' });
    await eventually(async () => {
      const opened = (await routing.bed.events(Subjects.TicketOpened)).find((event) => event.envelope.data.articleId === article.id);
      expect(opened?.envelope.data.acknowledgement).toEqual({ suppressed: true, reason: 'postmaster' });
    });
  });

  it('keeps an auto-reply to our mail as a system note: no follow-up, nothing reopened', async () => {
    const sent = await ticketWithAcknowledgement();
    await routing.ds.query(`UPDATE ticket SET status = 'pending' WHERE id = $1`, [sent.ticketId]);
    const raw = await routing.route(
      mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', `Subject: Automatic reply: We received your message [#${sent.number}]`, 'Auto-Submitted: auto-replied', `In-Reply-To: <${sent.ackMessageId}>`], 'I am away until Monday.'),
    );
    const note = await routing.articleOf(raw);
    expect(note).toMatchObject({ ticket_id: sent.ticketId, direction: 'note', system_note: 'auto_reply', status: 'pending' });
    expect(await routing.history(sent.ticketId)).toContainEqual({ kind: 'auto_reply_noted', details: { reason: 'Auto-Submitted: auto-replied' } });
    const followups = await routing.bed.events(Subjects.TicketFollowup);
    expect(followups.some((event) => event.envelope.data.articleId === note.id)).toBe(false);
  });

  it('records and drops mail from one of our own addresses (loop guard)', async () => {
    const raw = await routing.route(mail(['From: Safety <Safety@Casework.test>', 'To: safety@casework.test', 'Subject: We received your message']));
    const [row] = await routing.ds.query(`SELECT status, drop_reason FROM raw_message WHERE id = $1`, [raw]);
    expect(row).toEqual({ status: 'dropped', drop_reason: 'sent from our own address safety@casework.test (loop guard)' });
    expect(await routing.ds.query(`SELECT id FROM article WHERE raw_message_id = $1`, [raw])).toEqual([]);
    await eventually(async () => {
      expect((await routing.bed.events(Subjects.MailDropped)).map((event) => event.envelope.data)).toContainEqual({ rawMessageId: raw, reason: row.drop_reason });
    });
  });

  it.each([
    ['X-Spam-Flag: YES', ['X-Spam-Flag: YES']],
    ['X-Spam-Score: 14.2', ['X-Spam-Score 14.2 over 5']],
  ])('files mail with %s in the spam queue, remembering its queue, without an acknowledgement', async (header, signals) => {
    const raw = await routing.route(mail(['From: seller@pills.example', 'To: safety@casework.test', header, 'Subject: Cheap pills']));
    const article = await routing.articleOf(raw);
    expect(await routing.ticket(article.ticket_id)).toMatchObject({ queue: 'spam', intended_queue: 'safety', spam_signals: signals });
    await eventually(async () => {
      const opened = (await routing.bed.events(Subjects.TicketOpened)).find((event) => event.envelope.data.articleId === article.id);
      expect(opened?.envelope.data.acknowledgement).toEqual({ suppressed: true, reason: 'spam' });
    });
  });

  it('routes a pathological mail (10,000 recipients, 1,000 Cc headers) within its budget, by the queue among the first recipients', async () => {
    const to = Array.from({ length: 10_000 }, (_, i) => `user${i}@example.org`);
    const headers = ['From: flood@example.org', `To: safety@casework.test, ${to.join(',\r\n ')}`, ...Array.from({ length: 1_000 }, (_, i) => `Cc: cc${i}@example.net`), 'Subject: Flood'];
    const started = Date.now();
    const raw = await routing.route(mail(headers));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await routing.articleOf(raw)).queue).toBe('safety');
    // The queue behind it flows on.
    const next = await routing.route(mail(['From: next@example.org', 'To: safety@casework.test', 'Subject: After the flood']));
    expect((await routing.articleOf(next)).queue).toBe('safety');
  });
});
