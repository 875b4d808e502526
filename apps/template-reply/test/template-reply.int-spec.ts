import { randomUUID } from 'node:crypto';
import { Subjects, type TicketOpenedV1 } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, QUEUE_ADDRESS, startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '@casework/devkit';

const TICKET_OPENED = 'template-reply_casework_ticket_opened';
const REPLY_REQUESTED = 'template-reply_casework_reply_requested';

interface SeededTicket {
  id: string;
  number: string;
  subject: string;
  queueId: string;
  articleId: string;
  inboundMessageId: string;
  requester: { email: string; name: string | null };
}

interface OutboundRow {
  id: string;
  kind: string;
  message_id: string;
  in_reply_to: string | null;
  reference_ids: string[];
  from_email: string;
  to_email: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
}

describe('template-reply (built process against a private SMTP catcher)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  const tickets = new TicketRepository();
  let seq = 0;

  /** A ticket with its inbound article, as routing would have written it. */
  async function seedTicket(requester: { email: string; name: string | null }): Promise<SeededTicket> {
    seq += 1;
    const subject = `Report number ${seq}`;
    const inboundMessageId = `inbound-${seq}-${randomUUID()}@reporter.example`;
    return bed.ds.transaction(async (tx) => {
      const queue = await new QueueRepository().findDefault(tx);
      const requesterId = await tickets.upsertContact(tx, requester);
      const opened = await tickets.open(tx, { subject, queueId: queue!.id, requesterId, priority: 'normal' });
      const articleId = await tickets.addArticle(tx, {
        ticketId: opened.id,
        direction: 'inbound',
        from: requester,
        to: [{ email: QUEUE_ADDRESS, name: null }],
        cc: [],
        subject,
        text: 'Please help.',
        html: null,
        messageId: inboundMessageId,
        inReplyTo: null,
        references: ['root@reporter.example'],
        automated: false,
      });
      return { ...opened, subject, queueId: queue!.id, articleId, inboundMessageId, requester };
    });
  }

  function ticketOpened(ticket: SeededTicket, automation: TicketOpenedV1['automation'] = { automated: false, reason: null }) {
    return envelope(Subjects.TicketOpened, {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      queueId: ticket.queueId,
      articleId: ticket.articleId,
      priority: 'normal',
      requester: ticket.requester,
      subject: ticket.subject,
      automation,
    });
  }

  async function outboundOf(ticketId: string): Promise<OutboundRow[]> {
    return bed.ds.query(
      `SELECT id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, subject, status, attempts, last_error, next_attempt_at, sent_at
         FROM outbound_message WHERE ticket_id = $1 ORDER BY created_at`,
      [ticketId],
    );
  }

  const mailsFor = (ticket: SeededTicket): CaughtMail[] => smtp.messages.filter((m) => m.subject.includes(`[#${ticket.number}]`));

  /** A reply composed by a specialist, committed as the API would (queued, its Message-ID fixed). */
  async function insertReply(ticket: SeededTicket, messageId: string): Promise<string> {
    const [row] = await bed.ds.query(
      `INSERT INTO outbound_message (ticket_id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, to_name, subject, body_text, next_attempt_at)
       VALUES ($1, 'reply', $2, $3, $4, $5, $6, $7, $8, $9, now() + interval '1 hour') RETURNING id`,
      [ticket.id, messageId, ticket.inboundMessageId, [ticket.inboundMessageId], QUEUE_ADDRESS, ticket.requester.email, ticket.requester.name, `Re: ${ticket.subject} [#${ticket.number}]`, 'We have suspended the account.'],
    );
    return row.id;
  }

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start(), startSmtpCatcher()]);
    await bed.startWorker('template-reply', bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false' }));
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  let acknowledged: SeededTicket;

  it('acknowledges ticket.opened once by SMTP, records the outbound article and emits reply.sent', async () => {
    const ticket = (acknowledged = await seedTicket({ email: 'rita@example.org', name: 'Rita Reporter' }));
    await bed.publish(ticketOpened(ticket));

    const caught = await smtp.waitFor((m) => m.subject.includes(`[#${ticket.number}]`), 10_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${bed.logs()}`);
    });
    expect(caught.subject).toBe(`We received your message: ${ticket.subject} [#${ticket.number}]`);
    expect(caught.headers.get('auto-submitted')).toBe('auto-replied');
    expect(caught.headers.get('in-reply-to')).toBe(`<${ticket.inboundMessageId}>`);
    // Long header values arrive folded.
    expect(caught.headers.get('references')?.replace(/\s+/g, ' ')).toBe(`<root@reporter.example> <${ticket.inboundMessageId}>`);
    expect(caught.headers.get('to')).toBe('Rita Reporter <rita@example.org>');
    expect(caught.headers.get('from')).toBe(QUEUE_ADDRESS);
    expect(caught.envelopeTo).toEqual(['rita@example.org']);
    expect(caught.envelopeFrom).toBe(QUEUE_ADDRESS);
    expect(caught.text).toContain('Hello Rita Reporter,');
    expect(caught.text).toContain(`Your message is now ticket ${ticket.number}`);

    const [row] = await eventually(async () => {
      const rows = await outboundOf(ticket.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe('sent');
      return rows;
    });
    expect(row).toMatchObject({
      kind: 'acknowledgement',
      in_reply_to: ticket.inboundMessageId,
      reference_ids: ['root@reporter.example', ticket.inboundMessageId],
      from_email: QUEUE_ADDRESS,
      to_email: 'rita@example.org',
      subject: caught.subject,
      attempts: 1,
      last_error: null,
      sent_at: expect.any(Date),
    });
    expect(caught.messageId).toBe(`<${row.message_id}>`);
    expect(row.message_id).toMatch(/@casework\.test$/);

    const articles = await bed.ds.query(
      `SELECT id, direction, from_email, to_addresses, subject, body_text, message_id, in_reply_to, automated, outbound_id
         FROM article WHERE ticket_id = $1 AND direction = 'outbound'`,
      [ticket.id],
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      from_email: QUEUE_ADDRESS,
      to_addresses: [{ email: 'rita@example.org', name: 'Rita Reporter' }],
      subject: caught.subject,
      message_id: row.message_id,
      in_reply_to: ticket.inboundMessageId,
      automated: true,
      outbound_id: row.id,
    });
    expect(articles[0].body_text).toContain(ticket.number);

    await eventually(async () => {
      const sent = (await bed.events(Subjects.ReplySent)).filter((e) => e.envelope.data.ticketId === ticket.id);
      expect(sent.map((e) => e.envelope.data)).toEqual([
        { outboundId: row.id, ticketId: ticket.id, articleId: articles[0].id, kind: 'acknowledgement', messageId: row.message_id },
      ]);
      expect(sent[0].msgId).toBe(sent[0].envelope.id);
    });
  });

  it('does not acknowledge twice: not on a redelivered ticket.opened, nor on a second event for the ticket', async () => {
    const first = (await bed.events(Subjects.TicketOpened)).find((e) => e.envelope.data.ticketId === acknowledged.id)!;
    const redelivered = await bed.publish(first.envelope, `${first.envelope.id}-redelivered`);
    expect(redelivered.duplicate).toBe(false);
    await bed.waitForConsumer(TICKET_OPENED, redelivered.seq);
    const reemitted = await bed.publish(ticketOpened(acknowledged));
    await bed.waitForConsumer(TICKET_OPENED, reemitted.seq);

    expect(mailsFor(acknowledged)).toHaveLength(1);
    expect(await outboundOf(acknowledged.id)).toHaveLength(1);
    const [{ count }] = await bed.ds.query(`SELECT count(*)::int AS count FROM article WHERE ticket_id = $1 AND direction = 'outbound'`, [acknowledged.id]);
    expect(count).toBe(1);
  });

  it('sends no acknowledgement for automated mail', async () => {
    const ticket = await seedTicket({ email: 'vacation@example.com', name: null });
    const ack = await bed.publish(ticketOpened(ticket, { automated: true, reason: 'Auto-Submitted: auto-replied' }));
    await bed.waitForConsumer(TICKET_OPENED, ack.seq);
    expect(await outboundOf(ticket.id)).toEqual([]);
    expect(mailsFor(ticket)).toEqual([]);
    expect(smtp.messages.some((m) => m.envelopeTo.includes('vacation@example.com'))).toBe(false);
  });

  it.each(['spam', 'rule', 'postmaster'])('sends no acknowledgement routing held back (%s)', async (reason) => {
    const ticket = await seedTicket({ email: `held-${reason}@example.org`, name: null });
    const ack = await bed.publish(envelope(Subjects.TicketOpened, { ...ticketOpened(ticket).data, acknowledgement: { suppressed: true, reason } }));
    await bed.waitForConsumer(TICKET_OPENED, ack.seq);
    expect(await outboundOf(ticket.id)).toEqual([]);
    expect(mailsFor(ticket)).toEqual([]);
  });

  it('sends a queued reply on reply.requested with its stored Message-ID, once', async () => {
    const ticket = await seedTicket({ email: 'sam@example.org', name: 'Sam' });
    const messageId = `reply-${randomUUID()}@casework.test`;
    const outboundId = await insertReply(ticket, messageId);

    const first = await bed.publish(envelope(Subjects.ReplyRequested, { outboundId, ticketId: ticket.id }));
    const caught = await smtp.waitFor((m) => m.messageId === `<${messageId}>`, 10_000);
    await bed.waitForConsumer(REPLY_REQUESTED, first.seq);
    expect(caught.subject).toBe(`Re: ${ticket.subject} [#${ticket.number}]`);
    expect(caught.envelopeTo).toEqual(['sam@example.org']);
    expect(caught.headers.get('in-reply-to')).toBe(`<${ticket.inboundMessageId}>`);
    expect(caught.headers.has('auto-submitted')).toBe(false);
    expect(caught.text.trim()).toBe('We have suspended the account.');

    const [row] = await outboundOf(ticket.id);
    expect(row).toMatchObject({ id: outboundId, kind: 'reply', message_id: messageId, status: 'sent', attempts: 1, last_error: null });
    const [article] = await bed.ds.query(`SELECT id, message_id, automated FROM article WHERE outbound_id = $1`, [outboundId]);
    expect(article).toMatchObject({ message_id: messageId, automated: false });

    // Asked again (the API retrying its publish): already sent, nothing happens.
    const again = await bed.publish(envelope(Subjects.ReplyRequested, { outboundId, ticketId: ticket.id }));
    await bed.waitForConsumer(REPLY_REQUESTED, again.seq);
    expect(smtp.messages.filter((m) => m.messageId === `<${messageId}>`)).toHaveLength(1);

    await eventually(async () => {
      const sent = (await bed.events(Subjects.ReplySent)).filter((e) => e.envelope.data.outboundId === outboundId);
      expect(sent.map((e) => e.envelope.data)).toEqual([{ outboundId, ticketId: ticket.id, articleId: article.id, kind: 'reply', messageId }]);
    });
  });

  it('keeps a reply queued while SMTP is down and sends it from the retry sweep once SMTP is back on the same port', async () => {
    const ticket = await seedTicket({ email: 'una@example.org', name: null });
    const messageId = `retry-${randomUUID()}@casework.test`;
    const outboundId = await insertReply(ticket, messageId);
    const port = smtp.port;
    await smtp.stop();

    const requested = await bed.publish(envelope(Subjects.ReplyRequested, { outboundId, ticketId: ticket.id }));
    await bed.waitForConsumer(REPLY_REQUESTED, requested.seq);
    const [failed] = await outboundOf(ticket.id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    // First failure: retry 5 s after the failed attempt (which came shortly after the row was written).
    const [{ backoff }] = await bed.ds.query('SELECT extract(epoch FROM next_attempt_at - created_at)::float AS backoff FROM outbound_message WHERE id = $1', [outboundId]);
    expect(backoff).toBeGreaterThanOrEqual(5);
    expect(backoff).toBeLessThan(8);
    const [{ count: articles }] = await bed.ds.query('SELECT count(*)::int AS count FROM article WHERE outbound_id = $1', [outboundId]);
    expect(articles).toBe(0);

    smtp = await startSmtpCatcher({ port });
    const caught = await smtp.waitFor((m) => m.messageId === `<${messageId}>`, 15_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${bed.logs()}`);
    });
    expect(caught.envelopeTo).toEqual(['una@example.org']);
    await eventually(async () => {
      const [row] = await outboundOf(ticket.id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null, message_id: messageId });
    });
    await eventually(async () => {
      const sent = (await bed.events(Subjects.ReplySent)).filter((e) => e.envelope.data.outboundId === outboundId);
      expect(sent).toHaveLength(1);
    });
    expect(smtp.messages.filter((m) => m.messageId === `<${messageId}>`)).toHaveLength(1);
  }, 30_000);
});
