import { Subjects, type EventEnvelope, type EventSubject, type EventMap } from '@casework/contracts';
import { parseEnvelope, toLiveEvent } from './live-event.mapper.js';

const TICKET = '11111111-1111-4111-8111-111111111111';
const QUEUE = '22222222-2222-4222-8222-222222222222';

function envelope<S extends EventSubject>(subject: S, data: EventMap[S]): EventEnvelope {
  return { id: 'e1', subject, version: 1, occurredAt: '2026-12-04T00:00:00.000Z', data } as EventEnvelope;
}

describe('toLiveEvent', () => {
  it('shows an opened ticket without its subject or requester', () => {
    const live = toLiveEvent(
      envelope(Subjects.TicketOpened, {
        ticketId: TICKET,
        ticketNumber: '10001',
        queueId: QUEUE,
        articleId: 'a1',
        priority: 'normal',
        requester: { email: 'victim@example.org', name: 'Victim' },
        subject: 'They posted my address',
        automation: { automated: false, reason: null },
      }),
    );
    expect(live).toEqual({
      event: 'ticket.opened',
      ticketId: TICKET,
      queueIds: [QUEUE],
      placedIn: QUEUE,
      data: { ticketId: TICKET, ticketNumber: '10001', queueId: QUEUE, articleId: 'a1', priority: 'normal', automated: false },
    });
    expect(JSON.stringify(live)).not.toMatch(/victim|address/i);
  });

  it('drops a failed reply’s error text (it may quote an address) and asks for the queue of events that do not name it', () => {
    const live = toLiveEvent(
      envelope(Subjects.ReplyFailed, { outboundId: 'o1', ticketId: TICKET, articleId: 'a2', kind: 'reply', messageId: '<m@x>', attempts: 8, error: '550 victim@example.org unknown', permanent: true }),
    );
    expect(live).toMatchObject({ event: 'reply.failed', ticketId: TICKET, data: { attempts: 8, permanent: true } });
    expect(live!.queueIds).toBeUndefined();
    expect(JSON.stringify(live)).not.toContain('victim');
  });

  it('places a not-spam move in both queues', () => {
    const live = toLiveEvent(envelope(Subjects.TicketNotSpam, { ticketId: TICKET, ticketNumber: '1', fromQueueId: 'spam', toQueueId: QUEUE, acknowledge: true }));
    expect(live!.queueIds).toEqual([QUEUE, 'spam']);
  });

  it('shows a merge to whoever sees the target’s queue or the source’s own (looked up), without moving the source', () => {
    const live = toLiveEvent(envelope(Subjects.TicketMerged, { sourceTicketId: TICKET, targetTicketId: 't2', queueId: QUEUE, byUserId: 'u1' }));
    expect(live).toMatchObject({ event: 'ticket.merged', ticketId: TICKET, queueIds: [QUEUE], lookUp: true, data: { targetTicketId: 't2', targetQueueId: QUEUE } });
    expect(live!.placedIn).toBeUndefined();
  });

  it('streams no mail-level subject and no malformed payload', () => {
    expect(toLiveEvent(envelope(Subjects.MailReceived, { rawMessageId: 'r', mailboxId: 'm' }))).toBeNull();
    expect(toLiveEvent({ ...envelope(Subjects.TicketOpened, {} as never) })).toBeNull();
    expect(parseEnvelope('not json')).toBeNull();
    expect(parseEnvelope('{"subject":"casework.ticket.opened"}')).toBeNull();
  });
});
