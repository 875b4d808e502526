import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RoutingSettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { GROUP_COMMIT_IN_FLIGHT, GroupCommitBatcher, OnEvent } from '@casework/messaging';
import type { ParsedAhead } from './mail-batch-preparer.js';
import { RouteMailUseCase } from './route-mail.use-case.js';
import { ROUTING_SETTINGS } from './routing.tokens.js';

@Controller()
export class MailReceivedHandler {
  // One batch commits at a time (a reply must see the ticket its original opened); the next
  // batch's mail is loaded and parsed meanwhile.
  private readonly batcher: GroupCommitBatcher<EventEnvelope<typeof Subjects.MailReceived>, ParsedAhead>;

  constructor(
    @Inject(RouteMailUseCase) routeMail: RouteMailUseCase,
    @Inject(ROUTING_SETTINGS) settings: RoutingSettings,
  ) {
    this.batcher = new GroupCommitBatcher(
      settings.ROUTING_BATCH_SIZE,
      (events, ahead) => routeMail.executeAll(events, ahead),
      (events) => routeMail.parseAhead(events),
    );
  }

  @OnEvent(Subjects.MailReceived, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  handle(@Payload() event: EventEnvelope<typeof Subjects.MailReceived>): Promise<void> {
    return this.batcher.submit(event);
  }
}
