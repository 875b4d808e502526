import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { mail, RoutingBed } from './support/routing-bed.js';

/**
 * Order that holds when several routers share the consumer, reproduced on one router by
 * announcing mail out of the order it was stored in (what two routers do when the one holding
 * the earlier mail commits later): a reply waits for its original's ticket, and tickets are
 * numbered in arrival order, not in the order they were routed.
 */
describe('routing: arrival order with mail announced out of order (built process)', () => {
  let routing: RoutingBed;

  const original = (id: string, subject: string) =>
    mail([`From: writer-${id}@example.org`, 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${id}@example.org>`, 'Content-Type: text/plain; charset=utf-8'], 'The first mail.');
  const reply = (id: string, to: string, subject: string) =>
    mail([`From: writer-${to}@example.org`, 'To: safety@casework.test', `Subject: Re: ${subject}`, `Message-ID: <${id}@example.org>`, `In-Reply-To: <${to}@example.org>`, `References: <${to}@example.org>`, 'Content-Type: text/plain; charset=utf-8'], 'More.');
  const articles = async (rawMessageId: string): Promise<{ ticket_id: string }[]> => routing.ds.query(`SELECT ticket_id FROM article WHERE raw_message_id = $1`, [rawMessageId]);

  beforeAll(async () => {
    routing = await RoutingBed.start();
  }, 60_000);

  afterAll(() => routing?.stop(), 30_000);

  it('lets a reply wait for an original stored before it and routed after it, then threads it there', async () => {
    const o = randomUUID();
    const r = randomUUID();
    const originalId = await routing.store(original(o, 'Threat report'), { messageId: `${o}@example.org` });
    const replyId = await routing.store(reply(r, o, 'Threat report'), { messageId: `${r}@example.org` });
    await routing.publish(replyId);
    await sleep(700);
    // Not routed on its own: it would have opened a second ticket.
    expect(await articles(replyId)).toEqual([]);
    const ack = await routing.publish(originalId);
    await routing.waitForRouting(ack.seq, 20_000);
    const [first] = await articles(originalId);
    expect((await routing.articleOf(replyId)).ticket_id).toBe(first.ticket_id);
  }, 40_000);

  it('does not wait for an original stored long ago that is still not routed', async () => {
    const o = randomUUID();
    const r = randomUUID();
    const originalId = await routing.store(original(o, 'Old mail'), { messageId: `${o}@example.org` });
    await routing.ds.query(`UPDATE raw_message SET received_at = now() - interval '10 minutes' WHERE id = $1`, [originalId]);
    const replyId = await routing.store(reply(r, o, 'Old mail'), { messageId: `${r}@example.org` });
    const ack = await routing.publish(replyId);
    await routing.waitForRouting(ack.seq, 5_000);
    expect(await articles(replyId)).toHaveLength(1);
  });

  it('numbers tickets in arrival order, whichever mail is routed first', async () => {
    const stored: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      stored.push(await routing.store(original(id, `Report ${i}`), { messageId: `${id}@example.org` }));
    }
    // Announced last first.
    let seq = 0;
    for (const id of [...stored].reverse()) seq = (await routing.publish(id)).seq;
    await routing.waitForRouting(seq);
    const numbers: string[] = [];
    for (const id of stored) numbers.push((await routing.ticket((await routing.articleOf(id)).ticket_id)).number);
    const sequences = numbers.map((number) => BigInt(number.slice(0, -1)));
    expect([...sequences].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequences);
  });
});
