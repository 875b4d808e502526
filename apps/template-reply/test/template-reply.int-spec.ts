import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
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

  /** A ticket with its inbound article, as routing would have written it (in the default queue unless `queueSlug`). */
  async function seedTicket(requester: { email: string; name: string | null }, queueSlug?: string): Promise<SeededTicket> {
    seq += 1;
    const subject = `Report number ${seq}`;
    const inboundMessageId = `inbound-${seq}-${randomUUID()}@reporter.example`;
    return bed.ds.transaction(async (tx) => {
      const queue = queueSlug ? await new QueueRepository().findBySlug(tx, queueSlug) : await new QueueRepository().findDefault(tx);
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

  /** The acknowledgement of a ticket (the first caught mail tagged with its number), parsed with its HTML part. */
  async function acknowledgementOf(ticket: SeededTicket) {
    const caught = await smtp.waitFor((m) => m.subject.includes(`[#${ticket.number}]`), 10_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${bed.logs()}`);
    });
    const parsed = await simpleParser(caught.raw);
    return { ...caught, html: typeof parsed.html === 'string' ? parsed.html : '' };
  }

  /** Waits until template-reply has handled this ticket.opened (committed), for negative assertions. */
  async function handled(ticket: SeededTicket): Promise<void> {
    const published = await bed.publish(ticketOpened(ticket));
    await bed.waitForConsumer(TICKET_OPENED, published.seq);
  }

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start(), startSmtpCatcher()]);
    await bed.ds.query(`INSERT INTO queue (slug, name, address, default_locale, time_zone) VALUES ('es', 'Seguridad', 'seguridad@casework.test', 'es', 'Europe/Madrid')`);
    await bed.ds.query(`INSERT INTO queue (slug, name, address, emergency) VALUES ('emergency', 'Emergency', 'emergency@casework.test', true)`);
    await bed.startWorker(
      'template-reply',
      bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', OUTBOUND_RETRY_BASE_MS: '2000', OUTBOUND_RETRY_SWEEP_MS: '200' }),
    );
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  let acknowledged: SeededTicket;

  it('acknowledges ticket.opened once by SMTP, records the outbound article and emits reply.sent', async () => {
    const ticket = (acknowledged = await seedTicket({ email: 'rita@example.org', name: 'Rita Reporter' }));
    await bed.publish(ticketOpened(ticket));

    const caught = await acknowledgementOf(ticket);
    expect(caught.subject).toBe(`We received your message: ${ticket.subject} [#${ticket.number}]`);
    // RFC 3834: automatic, answers not wanted, replies to the queue.
    expect(caught.headers.get('auto-submitted')).toBe('auto-replied');
    expect(caught.headers.get('x-auto-response-suppress')).toBe('All');
    expect(caught.headers.get('reply-to')).toBe(QUEUE_ADDRESS);
    expect(caught.headers.get('in-reply-to')).toBe(`<${ticket.inboundMessageId}>`);
    // Long header values arrive folded.
    expect(caught.headers.get('references')?.replace(/\s+/g, ' ')).toBe(`<root@reporter.example> <${ticket.inboundMessageId}>`);
    expect(caught.headers.get('to')).toBe('Rita Reporter <rita@example.org>');
    expect(caught.headers.get('from')).toBe(QUEUE_ADDRESS);
    expect(caught.envelopeTo).toEqual(['rita@example.org']);
    expect(caught.envelopeFrom).toBe(QUEUE_ADDRESS);
    expect(caught.text).toMatch(/^Hello Rita Reporter,\n\nThank you for writing to us\. We received your message on .+ UTC, and it is now ticket \d+\./);
    expect(caught.text).toContain(`keep [#${ticket.number}] in the subject line`);
    expect(caught.text).toContain('Kind regards,\nThe Safety team');
    expect(caught.text).not.toContain('immediate danger');
    expect(caught.html).toMatch(/<html lang="en" dir="ltr">/);
    expect(caught.html).toContain('<p>Hello Rita Reporter,</p>');

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
    // The version it was rendered from: the seeded English acknowledgement.
    const [rendered] = await bed.ds.query(
      `SELECT o.locale, o.template_version, t.key, t.locale AS template_locale, t.queue_id FROM outbound_message o JOIN template t ON t.id = o.template_id WHERE o.id = $1`,
      [row.id],
    );
    expect(rendered).toEqual({ locale: 'en', template_version: 1, key: 'acknowledgement', template_locale: 'en', queue_id: null });

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
    // A person wrote it: their auto-responders may answer.
    expect(caught.headers.get('auto-submitted')).toBe('no');
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
    // First failure: retry OUTBOUND_RETRY_BASE_MS (2 s here) after the failed attempt, which came shortly after the row was written.
    const [{ backoff }] = await bed.ds.query('SELECT extract(epoch FROM next_attempt_at - created_at)::float AS backoff FROM outbound_message WHERE id = $1', [outboundId]);
    expect(backoff).toBeGreaterThanOrEqual(2);
    expect(backoff).toBeLessThan(5);
    // Queued before articles came with their rows (as the API wrote them before): it gets its article once sent.
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
    const [{ count: sentArticles }] = await bed.ds.query('SELECT count(*)::int AS count FROM article WHERE outbound_id = $1', [outboundId]);
    expect(sentArticles).toBe(1);
  }, 30_000);

  it("answers in the queue's default language, dates in its time zone, from its address", async () => {
    const ticket = await seedTicket({ email: 'lucia@example.org', name: 'Lucía' }, 'es');
    await bed.publish(ticketOpened(ticket));
    const caught = await acknowledgementOf(ticket);
    expect(caught.subject).toBe(`Hemos recibido su mensaje: ${ticket.subject} [#${ticket.number}]`);
    expect(caught.envelopeFrom).toBe('seguridad@casework.test');
    expect(caught.headers.get('reply-to')).toBe('seguridad@casework.test');
    expect(caught.text).toMatch(/^Hola, Lucía:\n\nGracias por escribirnos\. Recibimos su mensaje el .+ (CET|CEST) y le hemos asignado el número de caso \d+\./);
    expect(caught.text).toContain('El equipo de Seguridad');
    expect(caught.html).toMatch(/<html lang="es" dir="ltr">/);
    const [row] = await outboundOf(ticket.id);
    expect(row.subject).toBe(caught.subject);
  });

  it("answers in the ticket's language when routing detected one (over the queue's): Arabic, right to left", async () => {
    // As routing writes it; this ticket is in the Spanish queue.
    const ticket = await seedTicket({ email: 'layla@example.org', name: 'ليلى' }, 'es');
    await bed.ds.query(`UPDATE ticket SET language = 'ar' WHERE id = $1`, [ticket.id]);
    await bed.publish(ticketOpened(ticket));
    const caught = await acknowledgementOf(ticket);
    expect(caught.subject).toBe(`تلقّينا رسالتك: ${ticket.subject} [#${ticket.number}]`);
    expect(caught.text).toMatch(/^مرحبًا ليلى،\n\nشكرًا لتواصلك معنا\./);
    expect(caught.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(caught.html).toMatch(/<body dir="rtl"/);
    expect(caught.html).toContain('<p>مرحبًا ليلى،</p>');
  });

  it('tells a writer to the emergency address where to turn in immediate danger', async () => {
    const ticket = await seedTicket({ email: 'ines@example.org', name: null }, 'emergency');
    await bed.publish(ticketOpened(ticket));
    const caught = await acknowledgementOf(ticket);
    expect(caught.text).toMatch(/^Hello,\n/);
    expect(caught.text).toContain('If you or someone else is in immediate danger, please contact your local emergency services now');
  });

  it('acknowledges a sender once per queue in the window, never our own or a machine address', async () => {
    const first = await seedTicket({ email: 'Repeat@Example.org', name: null });
    await bed.publish(ticketOpened(first));
    await acknowledgementOf(first);
    const second = await seedTicket({ email: 'repeat@example.org', name: null });
    await handled(second);
    expect(mailsFor(second)).toEqual([]);
    expect(await outboundOf(second.id)).toEqual([]);
    // Another queue's acknowledgement is its own.
    const elsewhere = await seedTicket({ email: 'repeat@example.org', name: null }, 'es');
    await bed.publish(ticketOpened(elsewhere));
    await acknowledgementOf(elsewhere);

    for (const email of [QUEUE_ADDRESS, 'seguridad@casework.test', 'noreply@example.org', 'list-request@lists.example.org']) {
      const ticket = await seedTicket({ email, name: null });
      await handled(ticket);
      expect([email, await outboundOf(ticket.id)]).toEqual([email, []]);
    }
    expect(smtp.messages.filter((m) => m.envelopeTo.some((to) => to === QUEUE_ADDRESS || to.startsWith('noreply@')))).toEqual([]);
  });
});
