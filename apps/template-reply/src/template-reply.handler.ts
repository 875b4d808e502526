import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { TemplateReplySettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { GROUP_COMMIT_IN_FLIGHT, GroupCommitBatcher, OnEvent } from '@casework/messaging';
import { AcknowledgeTicketUseCase, type AcknowledgementDue } from './acknowledge-ticket.use-case.js';
import { OutboundSenderService } from './outbound-sender.service.js';
import { TEMPLATE_REPLY_SETTINGS } from './template-reply.tokens.js';

@Controller()
export class TemplateReplyHandler {
  private readonly acknowledgements: GroupCommitBatcher<AcknowledgementDue>;

  constructor(
    @Inject(AcknowledgeTicketUseCase) acknowledge: AcknowledgeTicketUseCase,
    @Inject(OutboundSenderService) private readonly sender: OutboundSenderService,
    @Inject(TEMPLATE_REPLY_SETTINGS) settings: TemplateReplySettings,
  ) {
    this.acknowledgements = new GroupCommitBatcher(settings.TEMPLATE_REPLY_BATCH_SIZE, (events) => acknowledge.executeAll(events));
  }

  @OnEvent(Subjects.TicketOpened, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  onTicketOpened(@Payload() event: EventEnvelope<typeof Subjects.TicketOpened>): Promise<void> {
    return this.acknowledgements.submit(event);
  }

  /** A specialist released a ticket from spam: its held-back acknowledgement goes out now. */
  @OnEvent(Subjects.TicketNotSpam, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  onTicketNotSpam(@Payload() event: EventEnvelope<typeof Subjects.TicketNotSpam>): Promise<void> {
    return this.acknowledgements.submit(event);
  }

  /** The API committed the outbound row; sending it is idempotent (a sent row is skipped). */
  @OnEvent(Subjects.ReplyRequested, { concurrency: 4 })
  async onReplyRequested(@Payload() event: EventEnvelope<typeof Subjects.ReplyRequested>): Promise<void> {
    await this.sender.send(event.data.outboundId);
  }
}
