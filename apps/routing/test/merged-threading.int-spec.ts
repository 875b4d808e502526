import { randomUUID } from 'node:crypto';
import { TicketMergeRepository } from '@casework/database';
import { mail, RoutingBed } from './support/routing-bed.js';

/**
 * Mail for a merged ticket lands on the ticket it was merged into, on the built routing process:
 * by the [#number] tag of the merged ticket (which would otherwise open a linked ticket, the
 * merged one being closed), by a Message-ID of its thread, and along a chain of merges.
 */
describe('routing: mail for a merged ticket lands on its target (built process)', () => {
  let routing: RoutingBed;
  const merges = new TicketMergeRepository();

  /** A new ticket from Rita in the safety queue: its id, number and Message-ID. */
  async function ritaReports(subject: string): Promise<{ id: string; number: string; messageId: string }> {
    const messageId = `${randomUUID()}@example.org`;
    const raw = await routing.route(mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${messageId}>`]));
    const ticket = await routing.ticket((await routing.articleOf(raw)).ticket_id);
    return { id: ticket.id, number: ticket.number, messageId };
  }

  /** The merge's writes as POST /tickets/:id/merge makes them (the same repository, one transaction). */
  async function merge(sourceId: string, targetId: string): Promise<void> {
    await routing.ds.transaction(async (tx) => {
      await merges.lockTickets(tx, [sourceId, targetId]);
      await merges.moveAllArticles(tx, sourceId, targetId);
      await merges.markMerged(tx, sourceId, targetId);
    });
  }

  beforeAll(async () => {
    routing = await RoutingBed.start();
  }, 60_000);

  afterAll(() => routing?.stop(), 30_000);

  it('threads a reply naming the merged ticket by its [#number] tag onto the target', async () => {
    const first = await ritaReports('He found my new address');
    const second = await ritaReports('More messages from him');
    await merge(first.id, second.id);
    const before = await routing.ticketCount();
    const raw = await routing.route(mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', `Subject: Re: [#${first.number}] He found my new address`], 'He wrote again.'));
    expect(await routing.articleOf(raw)).toMatchObject({ ticket_id: second.id, direction: 'inbound', flagged: null, status: 'open' });
    expect(await routing.ticketCount()).toBe(before);
    expect(await routing.ticket(first.id)).toMatchObject({ status: 'closed' });
  });

  it('threads a reply to a Message-ID of the merged thread onto the target', async () => {
    const first = await ritaReports('Fake profile in my name');
    const second = await ritaReports('Second fake profile');
    await merge(first.id, second.id);
    const raw = await routing.route(mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', 'Subject: Re: Fake profile in my name', `In-Reply-To: <${first.messageId}>`]));
    expect(await routing.articleOf(raw)).toMatchObject({ ticket_id: second.id, flagged: null });
  });

  it('follows a chain of merges to the ticket that is not merged', async () => {
    const a = await ritaReports('Threat one');
    const b = await ritaReports('Threat two');
    const c = await ritaReports('Threat three');
    await merge(a.id, b.id);
    await merge(b.id, c.id);
    const raw = await routing.route(mail(['From: Rita <rita@example.org>', 'To: safety@casework.test', `Subject: Re: [#${a.number}] Threat one`]));
    expect(await routing.articleOf(raw)).toMatchObject({ ticket_id: c.id, flagged: null });
  });
});
