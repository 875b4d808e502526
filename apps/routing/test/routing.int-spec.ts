import { randomUUID } from 'node:crypto';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { ManagedMailboxRepository, QueueRepository, RawMessageRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, sha256 } from '@casework/devkit';

const CONSUMER = 'routing_casework_mail_received';

interface Delivered {
  rawMessageId: string;
  event: EventEnvelope<typeof Subjects.MailReceived>;
  seq: number;
}

function mail(headers: string[], body: string): Buffer {
  return Buffer.from([...headers, '', body, ''].join('\r\n'));
}

const ORIGINAL = mail(
  [
    'From: Rita Reporter <Rita@Example.ORG>',
    'To: Safety Team <safety@casework.test>',
    'Subject: Harassment in the forum',
    'Message-ID: <orig-1@reporter.example>',
    'Date: Mon, 01 Jun 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
  ],
  [
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'User @troll keeps harassing me in thread 42.',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p onclick="steal()">User <b>@troll</b> keeps harassing me.</p><script>alert("xss")</script><img src="https://tracker.example/p.gif">',
    '--b1--',
  ].join('\r\n'),
);

describe('routing (built process; mail.received published straight to JetStream)', () => {
  let bed: IntegrationBed;
  let mailboxId: string;
  let defaultQueueId: string;
  let uid = 0;
  const rawMessages = new RawMessageRepository();

  /** What ingest does: a raw_message row, then its mail.received event with Nats-Msg-Id = event id. */
  async function deliver(source: Buffer): Promise<Delivered> {
    uid += 1;
    const rawMessageId = await rawMessages.insert(bed.ds, {
      mailboxId,
      uidValidity: 1n,
      uid: BigInt(uid),
      sha256: sha256(source),
      messageId: null,
      raw: source,
    });
    if (!rawMessageId) throw new Error('raw message not inserted');
    const event = envelope(Subjects.MailReceived, { rawMessageId, mailboxId });
    const ack = await bed.publish(event);
    return { rawMessageId, event, seq: ack.seq };
  }

  /** Delivers and waits until routing has acked the event (its transaction committed). */
  async function route(source: Buffer): Promise<Delivered> {
    const delivered = await deliver(source);
    await bed.waitForConsumer(CONSUMER, delivered.seq);
    return delivered;
  }

  async function rawStatus(id: string): Promise<{ status: string; quarantine_reason: string | null; processed_at: Date | null }> {
    const [row] = await bed.ds.query('SELECT status, quarantine_reason, processed_at FROM raw_message WHERE id = $1', [id]);
    return row;
  }

  async function articleOf(rawMessageId: string) {
    const rows = await bed.ds.query(
      `SELECT id, ticket_id, direction, from_email, from_name, to_addresses, subject, body_text, body_html, message_id, in_reply_to,
              reference_ids, automated
         FROM article WHERE raw_message_id = $1`,
      [rawMessageId],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  async function ticketCount(): Promise<number> {
    const [{ count }] = await bed.ds.query('SELECT count(*)::int AS count FROM ticket');
    return count;
  }

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    defaultQueueId = (await new QueueRepository().findDefault(bed.ds))!.id;
    const mailbox = await new ManagedMailboxRepository().upsertBootstrap(bed.ds, {
      address: 'safety@casework.test',
      imapHost: '127.0.0.1',
      imapPort: 143,
      imapUser: 'casework',
      folder: 'INBOX',
    });
    mailboxId = mailbox.id;
    await bed.startWorker('routing', bed.baseEnv());
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
  }, 30_000);

  let original: Delivered;
  let ticket: { id: string; number: string; subject: string; status: string; queue_id: string; requester_id: string };

  it('opens a ticket with contact, inbound article (text + sanitised html), marks the raw message ticketed and emits ticket.opened', async () => {
    original = await route(ORIGINAL);

    expect(await rawStatus(original.rawMessageId)).toMatchObject({ status: 'ticketed', quarantine_reason: null, processed_at: expect.any(Date) });
    const tickets = await bed.ds.query('SELECT id, number, subject, status, priority, queue_id, requester_id FROM ticket');
    expect(tickets).toHaveLength(1);
    ticket = tickets[0];
    expect(ticket).toMatchObject({ subject: 'Harassment in the forum', status: 'open', priority: 'normal', queue_id: defaultQueueId });
    expect(ticket.number).toMatch(/^\d{6,}$/);

    const [contact] = await bed.ds.query('SELECT email, name FROM contact WHERE id = $1', [ticket.requester_id]);
    expect(contact).toEqual({ email: 'rita@example.org', name: 'Rita Reporter' });

    const article = await articleOf(original.rawMessageId);
    expect(article).toMatchObject({
      ticket_id: ticket.id,
      direction: 'inbound',
      from_email: 'rita@example.org',
      from_name: 'Rita Reporter',
      to_addresses: [{ email: 'safety@casework.test', name: 'Safety Team' }],
      subject: 'Harassment in the forum',
      message_id: 'orig-1@reporter.example',
      in_reply_to: null,
      reference_ids: [],
      automated: false,
    });
    expect(article.body_text.trim()).toBe('User @troll keeps harassing me in thread 42.');
    expect(article.body_html).toContain('<b>@troll</b>');
    expect(article.body_html).toContain('keeps harassing me.');
    expect(article.body_html).not.toMatch(/<script|alert|onclick|steal\(|\ssrc="https:\/\/tracker\.example/i);
    // The remote image is parked: nothing loads it unless a reader asks (GET /tickets/:id/articles/:articleId/html).
    expect(article.body_html).toContain('data-remote-src="https://tracker.example/p.gif"');

    const opened = await eventually(async () => {
      const events = await bed.events(Subjects.TicketOpened);
      expect(events).toHaveLength(1);
      return events[0];
    });
    expect(opened.msgId).toBe(opened.envelope.id);
    expect(opened.envelope).toMatchObject({ subject: Subjects.TicketOpened, version: 1 });
    expect(opened.envelope.data).toEqual({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      queueId: defaultQueueId,
      articleId: article.id,
      priority: 'normal',
      requester: { email: 'rita@example.org', name: 'Rita Reporter' },
      subject: 'Harassment in the forum',
      automation: { automated: false, reason: null },
      acknowledgement: { suppressed: false, reason: null },
    });
  });

  it('threads a reply by In-Reply-To onto the same ticket and emits ticket.followup', async () => {
    const reply = await route(
      mail(
        ['From: Rita Reporter <rita@example.org>', 'To: safety@casework.test', 'Subject: Re: Harassment in the forum', 'Message-ID: <reply-2@reporter.example>', 'In-Reply-To: <orig-1@REPORTER.example>'],
        'More screenshots attached.',
      ),
    );
    expect(await rawStatus(reply.rawMessageId)).toMatchObject({ status: 'ticketed' });
    const article = await articleOf(reply.rawMessageId);
    expect(article).toMatchObject({ ticket_id: ticket.id, in_reply_to: 'orig-1@reporter.example', message_id: 'reply-2@reporter.example' });
    expect(await ticketCount()).toBe(1);

    const followups = await eventually(async () => {
      const events = await bed.events(Subjects.TicketFollowup);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(followups[0].envelope.data).toEqual({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      articleId: article.id,
      matchedBy: 'in-reply-to',
      automation: { automated: false, reason: null },
      flagged: null,
    });
  });

  it('threads by References when In-Reply-To is missing', async () => {
    const followup = await route(
      mail(['From: rita@example.org', 'To: safety@casework.test', 'Subject: one more', 'References: <unknown@elsewhere.example> <reply-2@reporter.example>'], 'Forgot this.'),
    );
    expect((await articleOf(followup.rawMessageId)).ticket_id).toBe(ticket.id);
    await eventually(async () => {
      const events = await bed.events(Subjects.TicketFollowup);
      expect(events.map((e) => e.envelope.data.matchedBy)).toEqual(['in-reply-to', 'references']);
    });
  });

  it("threads the requester's mail whose subject carries the [#number] tag, reopening a resolved ticket", async () => {
    await bed.ds.query(`UPDATE ticket SET status = 'resolved', resolved_at = now() WHERE id = $1`, [ticket.id]);
    const tagged = await route(
      mail(['From: Rita Reporter <rita@example.org>', 'To: safety@casework.test', `Subject: About my case [#${ticket.number}]`, 'Message-ID: <rita-3@example.org>'], 'It happened again.'),
    );
    const article = await articleOf(tagged.rawMessageId);
    expect(article.ticket_id).toBe(ticket.id);
    expect(await ticketCount()).toBe(1);
    const [row] = await bed.ds.query('SELECT status FROM ticket WHERE id = $1', [ticket.id]);
    expect(row.status).toBe('open');

    await eventually(async () => {
      const followups = await bed.events(Subjects.TicketFollowup);
      expect(followups.at(-1)?.envelope.data).toMatchObject({ ticketId: ticket.id, articleId: article.id, matchedBy: 'subject-tag' });
      const changes = await bed.events(Subjects.TicketStatusChanged);
      expect(changes.map((e) => e.envelope.data)).toEqual([{ ticketId: ticket.id, from: 'resolved', to: 'open' }]);
    });
  });

  it('opens a new ticket for a tag that fails the check digit', async () => {
    const wrongDigit = `${ticket.number.slice(0, -1)}${(Number(ticket.number.slice(-1)) + 1) % 10}`;
    const forged = await route(mail(['From: someone@example.net', 'To: safety@casework.test', `Subject: Guess [#${wrongDigit}]`], 'Not really a reply.'));
    const article = await articleOf(forged.rawMessageId);
    expect(article.ticket_id).not.toBe(ticket.id);
    expect(await ticketCount()).toBe(2);
  });

  it('handles the same mail.received twice (a redelivery, then a re-emit under a new id) as one article', async () => {
    const delivered = await route(mail(['From: dup@example.org', 'To: safety@casework.test', 'Subject: Delivered twice', 'Message-ID: <dup-5@example.org>'], 'Once please.'));
    const ticketsBefore = await ticketCount();

    // Same event id, new Nats-Msg-Id so the broker does not swallow it: the consumer sees a redelivery.
    const again = await bed.publish(delivered.event, `${delivered.event.id}-redelivered`);
    expect(again.duplicate).toBe(false);
    await bed.waitForConsumer(CONSUMER, again.seq);
    // A different event for the same raw message (what a reconciler would emit).
    const reemit = await bed.publish(envelope(Subjects.MailReceived, delivered.event.data));
    await bed.waitForConsumer(CONSUMER, reemit.seq);

    await articleOf(delivered.rawMessageId);
    expect(await ticketCount()).toBe(ticketsBefore);
    const opened = await bed.events(Subjects.TicketOpened);
    const forThis = opened.filter((e) => e.envelope.data.subject === 'Delivered twice');
    expect(forThis).toHaveLength(1);
  });

  it('marks an Auto-Submitted: auto-replied mail as automated in the article and in ticket.opened', async () => {
    const auto = await route(
      mail(['From: Out Of Office <vacation@example.com>', 'To: safety@casework.test', 'Subject: Automatic reply: away', 'Auto-Submitted: auto-replied', 'Message-ID: <ooo-6@example.com>'], 'I am away.'),
    );
    const article = await articleOf(auto.rawMessageId);
    expect(article.automated).toBe(true);
    await eventually(async () => {
      const opened = (await bed.events(Subjects.TicketOpened)).find((e) => e.envelope.data.articleId === article.id);
      expect(opened?.envelope.data).toMatchObject({
        ticketId: article.ticket_id,
        requester: { email: 'vacation@example.com', name: 'Out Of Office' },
        automation: { automated: true, reason: 'Auto-Submitted: auto-replied' },
      });
    });
  });

  it('quarantines input parseMail rejects with a reason and a mail.quarantined event, and routes the next valid mail', async () => {
    const ticketsBefore = await ticketCount();
    const empty = await route(Buffer.alloc(0));
    const noise = await route(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0a, 0x32, 0x32, 0x0a]));
    const whitespace = await route(Buffer.from(' \r\n\t\r\n'));

    expect(await rawStatus(empty.rawMessageId)).toMatchObject({ status: 'quarantined', quarantine_reason: 'message is empty (no bytes, or whitespace only)', processed_at: expect.any(Date) });
    expect(await rawStatus(whitespace.rawMessageId)).toMatchObject({ status: 'quarantined', quarantine_reason: 'message is empty (no bytes, or whitespace only)' });
    expect(await rawStatus(noise.rawMessageId)).toMatchObject({ status: 'quarantined', quarantine_reason: 'not an email message (binary data where the header lines should be)' });
    expect(await ticketCount()).toBe(ticketsBefore);
    const [{ count: articles }] = await bed.ds.query('SELECT count(*)::int AS count FROM article WHERE raw_message_id = ANY($1::uuid[])', [
      [empty.rawMessageId, noise.rawMessageId, whitespace.rawMessageId],
    ]);
    expect(articles).toBe(0);

    await eventually(async () => {
      const quarantined = await bed.events(Subjects.MailQuarantined);
      expect(quarantined.map((e) => e.envelope.data)).toEqual([
        { rawMessageId: empty.rawMessageId, reason: 'message is empty (no bytes, or whitespace only)' },
        { rawMessageId: noise.rawMessageId, reason: 'not an email message (binary data where the header lines should be)' },
        { rawMessageId: whitespace.rawMessageId, reason: 'message is empty (no bytes, or whitespace only)' },
      ]);
    });

    const next = await route(mail(['From: fine@example.org', 'To: safety@casework.test', 'Subject: After the garbage', `Message-ID: <fine-${randomUUID()}@example.org>`], 'Still working?'));
    expect(await rawStatus(next.rawMessageId)).toMatchObject({ status: 'ticketed' });
    expect((await articleOf(next.rawMessageId)).subject).toBe('After the garbage');
    expect(await ticketCount()).toBe(ticketsBefore + 1);
  });
});
