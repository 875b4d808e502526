import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { RouteMailUseCase } from './route-mail.use-case.js';

@Controller()
export class MailReceivedHandler {
  constructor(@Inject(RouteMailUseCase) private readonly routeMail: RouteMailUseCase) {}

  // One at a time: a reply must see the ticket its original opened.
  @EventPattern(Subjects.MailReceived, { concurrency: 1 })
  handle(@Payload() event: EventEnvelope<typeof Subjects.MailReceived>): Promise<void> {
    return this.routeMail.execute(event);
  }
}
