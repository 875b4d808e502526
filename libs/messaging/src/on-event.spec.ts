import 'reflect-metadata';
import { PATTERN_METADATA } from '@nestjs/microservices/constants.js';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { OnEvent } from './on-event.js';

describe('OnEvent', () => {
  it('registers the method as the event handler of its subject', () => {
    class Handler {
      @OnEvent(Subjects.TicketOpened, { concurrency: 2 })
      handle(event: EventEnvelope<typeof Subjects.TicketOpened>): string {
        return event.data.ticketId;
      }
    }
    expect(Reflect.getMetadata(PATTERN_METADATA, Handler.prototype.handle)).toEqual([Subjects.TicketOpened]);
  });

  it('refuses, at compile time, a handler whose payload is another subject’s', () => {
    class Wrong {
      // @ts-expect-error a ticket.opened handler cannot take mail.received's envelope
      @OnEvent(Subjects.TicketOpened)
      handle(event: EventEnvelope<typeof Subjects.MailReceived>): string {
        return event.data.rawMessageId;
      }
    }
    expect(Wrong).toBeDefined();
  });
});
