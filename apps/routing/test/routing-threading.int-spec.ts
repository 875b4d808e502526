import { randomUUID } from 'node:crypto';
import { Subjects } from '@casework/contracts';
import { QueueRepository, TicketContentRepository } from '@casework/database';
import { eventually } from '@casework/devkit';
import { mail, RoutingBed } from './support/routing-bed.js';

/**
 * Queues by address and threading that cannot be hijacked, on the built routing process: the
 * queue a mail is addressed to (envelope, Cc), a stranger's follow-up flagged or opening a linked
 * ticket, a reply within or after the reopen window, a closed case continued by a new ticket.
 */
describe('routing: queues by address and safe threading (built process)', () => {
  let routing: RoutingBed;
  let childQueueId: string;
  const queues = new QueueRepository();

  /** A new ticket from Rita (Cc'ing a friend) in the safety queue: its id, number and Message-ID. */
  async function ritaReports(subject: string): Promise<{ id: string; number: string; messageId: string }> {
    const messageId = `${randomUUID()}@example.org`;
    const raw = await routing.route(mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', 'Cc: Friend <friend@example.net>', `Subject: ${subject}`, `Message-ID: <${messageId}>`]));
    const ticket = await routing.ticket((await routing.articleOf(raw)).ticket_id);
    return { id: ticket.id, number: ticket.number, messageId };
  }

  beforeAll(async () => {
    routing = await RoutingBed.start();
    const child = await queues.create(routing.ds, { slug: 'child', name: 'Child safety', address: 'child@casework.test', restricted: false, addresses: ['csam-reports@casework.test'] });
    childQueueId = child!.id;
  }, 60_000);

  afterAll(() => routing?.stop(), 30_000);

  it('files mail into the queue named by a Cc address, and records why', async () => {
    const raw = await routing.route(mail(['From: teacher@school.example', 'To: someone@school.example', 'Cc: CSAM-Reports@casework.test', 'Subject: A pupil told me something']));
    const article = await routing.articleOf(raw);
    expect(article.queue).toBe('child');
    expect(await routing.history(article.ticket_id)).toEqual([{ kind: 'queue_chosen', details: { by: 'cc', address: 'csam-reports@casework.test', queueId: childQueueId } }]);
  });

  it('takes the SMTP envelope recipient before the headers', async () => {
    const raw = await routing.route(mail(['From: parent@example.org', 'To: safety@casework.test', 'Subject: Bcc to the child desk']), { envelopeTo: ['child@casework.test'] });
    expect((await routing.articleOf(raw)).queue).toBe('child');
  });

  it("attaches a stranger's follow-up flagged: never the requester's, nothing reopened", async () => {
    const ticket = await ritaReports('My ex keeps messaging me');
    await routing.ds.query(`UPDATE ticket SET status = 'pending' WHERE id = $1`, [ticket.id]);
    const raw = await routing.route(mail(['From: The Ex <ex@example.com>', 'To: safety@casework.test', `Subject: Re: [#${ticket.number}] lies`, `In-Reply-To: <${ticket.messageId}>`], 'She is lying.'));
    const article = await routing.articleOf(raw);
    expect(article).toMatchObject({ ticket_id: ticket.id, direction: 'inbound', flagged: 'unknown_sender' });
    expect((await routing.ticket(ticket.id)).status).toBe('pending');
    expect(await routing.history(ticket.id)).toContainEqual({ kind: 'unknown_sender_flagged', details: { sender: 'ex@example.com' } });
    await eventually(async () => {
      const followup = (await routing.bed.events(Subjects.TicketFollowup)).find((event) => event.envelope.data.articleId === article.id);
      expect(followup?.envelope.data).toMatchObject({ ticketId: ticket.id, matchedBy: 'in-reply-to', flagged: 'unknown_sender' });
    });
  });

  it("lets the requester and whoever was copied continue the ticket, reopening it", async () => {
    const ticket = await ritaReports('Threats in my inbox');
    await routing.ds.query(`UPDATE ticket SET status = 'pending' WHERE id = $1`, [ticket.id]);
    const friend = await routing.route(mail(['From: friend@example.net', 'To: safety@casework.test', `Subject: Re: [#${ticket.number}] Threats`, `In-Reply-To: <${ticket.messageId}>`]));
    expect(await routing.articleOf(friend)).toMatchObject({ ticket_id: ticket.id, flagged: null, status: 'open' });
    expect(await routing.history(ticket.id)).toContainEqual({ kind: 'reopened', details: { from: 'pending' } });
  });

  it('opens a linked ticket for a stranger when the queue says so', async () => {
    await queues.update(routing.ds, (await queues.findDefault(routing.ds))!.id, { routing: { unknownSenderFollowup: 'new_ticket' } });
    try {
      const ticket = await ritaReports('Someone posted my photos');
      const before = await routing.ticketCount();
      const raw = await routing.route(mail(['From: stranger@example.com', 'To: safety@casework.test', `Subject: About [#${ticket.number}]`]));
      const article = await routing.articleOf(raw);
      expect(article.ticket_id).not.toBe(ticket.id);
      expect(await routing.ticketCount()).toBe(before + 1);
      expect(await routing.ticket(article.ticket_id)).toMatchObject({ linked_ticket_id: ticket.id, link_reason: 'unknown_sender' });
      expect(await routing.history(ticket.id)).toContainEqual({ kind: 'continued_by_ticket', details: expect.objectContaining({ ticketId: article.ticket_id, reason: 'unknown_sender' }) });
    } finally {
      await queues.update(routing.ds, (await queues.findDefault(routing.ds))!.id, { routing: { unknownSenderFollowup: 'flag' } });
    }
  });

  it.each([
    ['resolved 10 days ago: reopens it', `'resolved', resolved_at = now() - interval '10 days'`, 'reopen'],
    ['resolved 40 days ago (window 30): a new linked ticket', `'resolved', resolved_at = now() - interval '40 days'`, 'reopen_window_passed'],
    ['closed yesterday (closed is final): a new linked ticket', `'closed', resolved_at = now() - interval '1 day'`, 'ticket_closed'],
  ])("the requester's reply to a ticket %s", async (_what, status, expected) => {
    const ticket = await ritaReports(`Case ${expected}`);
    await routing.ds.query(`UPDATE ticket SET status = ${status} WHERE id = $1`, [ticket.id]);
    const raw = await routing.route(mail(['From: rita@example.org', 'To: safety@casework.test', `Subject: Re: Case [#${ticket.number}]`, `In-Reply-To: <${ticket.messageId}>`], 'It started again.'));
    const article = await routing.articleOf(raw);
    if (expected === 'reopen') {
      expect(article).toMatchObject({ ticket_id: ticket.id, status: 'open' });
    } else {
      expect(article.ticket_id).not.toBe(ticket.id);
      expect(await routing.ticket(article.ticket_id)).toMatchObject({ linked_ticket_id: ticket.id, link_reason: expected, status: 'open' });
      expect((await routing.ticket(ticket.id)).status).toBe(status.split("'")[1]);
    }
  });

  it("opens a new linked ticket for the requester's reply to a ticket retention purged, never writing into the tombstone", async () => {
    const ticket = await ritaReports('Case purged later');
    await routing.ds.query(`UPDATE ticket SET status = 'closed' WHERE id = $1`, [ticket.id]);
    await routing.ds.transaction((tx) => new TicketContentRepository().removeTickets(tx, [ticket.id], 'retention'));
    const raw = await routing.route(mail(['From: rita@example.org', 'To: safety@casework.test', `Subject: Re: Case [#${ticket.number}]`, `In-Reply-To: <${ticket.messageId}>`], 'It started again.'));
    const article = await routing.articleOf(raw);
    expect(article.ticket_id).not.toBe(ticket.id);
    expect(await routing.ticket(article.ticket_id)).toMatchObject({ linked_ticket_id: ticket.id, link_reason: 'ticket_closed', status: 'open' });
    const [{ n }] = await routing.ds.query(`SELECT count(*)::int AS n FROM article WHERE ticket_id = $1 AND body_text <> ''`, [ticket.id]);
    expect(n).toBe(0);
  });
});
