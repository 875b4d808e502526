import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { STREAM_NAME, Subjects } from '@casework/contracts';
import { DeadLetterRepository } from '@casework/database';
import { ensureStream } from '@casework/messaging';
import type { DeadLetterPageDto, RedriveAcceptedDto } from '../src/dead-letters/dto/dead-letter.dto.js';
import { ApiFixture } from './api-fixture.js';

describe('api: dead letters', () => {
  const app = new ApiFixture();
  const deadLetters = new DeadLetterRepository();
  const envelope = {
    id: randomUUID(),
    subject: Subjects.TicketOpened,
    version: 1,
    occurredAt: new Date().toISOString(),
    data: { ticketId: randomUUID() },
  };

  beforeAll(async () => {
    await app.start();
    await deadLetters.record(app.ds, {
      consumer: 'template-reply_casework_ticket_opened',
      subject: Subjects.TicketOpened,
      streamSeq: 7,
      eventId: envelope.id,
      envelope,
      rawPayload: null,
      error: 'handler failed on all 10 deliveries: Error: boom',
      deliveries: 10,
    });
    await deadLetters.record(app.ds, {
      consumer: 'routing_casework_mail_received',
      subject: Subjects.MailReceived,
      streamSeq: 9,
      eventId: null,
      envelope: null,
      rawPayload: 'not json',
      error: 'not JSON',
      deliveries: 1,
    });
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('lists them newest first, without the raw payload, and pages', async () => {
    const { status, body } = await app.call<DeadLetterPageDto>('/dead-letters?limit=1');
    expect(status).toBe(200);
    expect(body.items).toEqual([expect.objectContaining({ consumer: 'routing_casework_mail_received', envelope: null, error: 'not JSON', redrivenAt: null })]);
    expect(body.items[0]).not.toHaveProperty('rawPayload');
    const next = await app.call<DeadLetterPageDto>(`/dead-letters?limit=1&cursor=${body.nextCursor}`);
    expect(next.body.items).toEqual([expect.objectContaining({ eventId: envelope.id, envelope, deliveries: 10 })]);
    expect(next.body.nextCursor).toBeNull();
  });

  it('re-drives one: the same envelope is published again and the letter says when', async () => {
    const { body: page } = await app.call<DeadLetterPageDto>('/dead-letters');
    const letter = page.items.find((l) => l.eventId === envelope.id)!;
    const nc = await connect({ servers: app.nats.url });
    try {
      // The workers make the stream; a dead letter means one ran.
      await ensureStream(nc);
      const jsm = await jetstreamManager(nc);
      const { status, body } = await app.call<RedriveAcceptedDto>(`/dead-letters/${letter.id}/redrive`, { method: 'POST' });
      expect([status, body.id]).toEqual([202, letter.id]);
      const published = await jsm.streams.getMessage(STREAM_NAME, { last_by_subj: Subjects.TicketOpened });
      expect(published?.json()).toEqual(envelope);
      // A second re-drive is a second publish, not swallowed by the stream's duplicate window.
      expect((await app.call(`/dead-letters/${letter.id}/redrive`, { method: 'POST' })).status).toBe(202);
      const info = await jsm.streams.info(STREAM_NAME, { subjects_filter: Subjects.TicketOpened });
      expect(info.state.subjects?.[Subjects.TicketOpened]).toBe(2);
    } finally {
      await nc.close();
    }
    const { body: after } = await app.call<DeadLetterPageDto>('/dead-letters');
    expect(after.items.find((l) => l.id === letter.id)?.redrivenAt).toEqual(expect.any(String));
  });

  it('answers 409 for a letter without a readable envelope and 404 for unknown ids', async () => {
    const { body: page } = await app.call<DeadLetterPageDto>('/dead-letters');
    const unreadable = page.items.find((l) => l.envelope === null)!;
    expect((await app.call(`/dead-letters/${unreadable.id}/redrive`, { method: 'POST' })).status).toBe(409);
    expect((await app.call(`/dead-letters/${randomUUID()}/redrive`, { method: 'POST' })).status).toBe(404);
    expect((await app.call('/dead-letters/nope/redrive', { method: 'POST' })).status).toBe(404);
  });
});
