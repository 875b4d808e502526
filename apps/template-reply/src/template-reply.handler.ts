import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { AcknowledgeTicketUseCase } from './acknowledge-ticket.use-case.js';
import { OutboundSenderService } from './outbound-sender.service.js';

@Controller()
export class TemplateReplyHandler {
  constructor(
    @Inject(AcknowledgeTicketUseCase) private readonly acknowledge: AcknowledgeTicketUseCase,
    @Inject(OutboundSenderService) private readonly sender: OutboundSenderService,
  ) {}

  @EventPattern(Subjects.TicketOpened, { concurrency: 4 })
  onTicketOpened(@Payload() event: EventEnvelope<typeof Subjects.TicketOpened>): Promise<void> {
    return this.acknowledge.execute(event);
  }

  /** The API committed the outbound row; sending it is idempotent (a sent row is skipped). */
  @EventPattern(Subjects.ReplyRequested, { concurrency: 4 })
  async onReplyRequested(@Payload() event: EventEnvelope<typeof Subjects.ReplyRequested>): Promise<void> {
    await this.sender.send(event.data.outboundId);
  }
}
