import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { NotificationSettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { GROUP_COMMIT_IN_FLIGHT, GroupCommitBatcher, OnEvent } from '@casework/messaging';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';
import { SlaClockEventsUseCase, type ClockEvent, type TicketOpened, type TicketSplit } from './sla-clock-events.use-case.js';

/** Drives the SLA clocks from ticket and reply events (see SlaLifecycleService for the rules). */
@Controller()
export class SlaClockHandler {
  private readonly opened: GroupCommitBatcher<TicketOpened>;
  private readonly split: GroupCommitBatcher<TicketSplit>;
  // One batch at a time, events in order: a ticket's events move its clocks in the order they came.
  private readonly clockUpdates: GroupCommitBatcher<ClockEvent>;

  constructor(
    @Inject(SlaClockEventsUseCase) clockEvents: SlaClockEventsUseCase,
    @Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings,
  ) {
    this.opened = new GroupCommitBatcher(settings.SLA_EVENT_BATCH_SIZE, (events) => clockEvents.openAll(events));
    this.split = new GroupCommitBatcher(settings.SLA_EVENT_BATCH_SIZE, (events) => clockEvents.splitAll(events));
    this.clockUpdates = new GroupCommitBatcher(settings.SLA_EVENT_BATCH_SIZE, (events) => clockEvents.updateAll(events));
  }

  @OnEvent(Subjects.TicketOpened, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  onTicketOpened(@Payload() event: EventEnvelope<typeof Subjects.TicketOpened>): Promise<void> {
    return this.opened.submit(event);
  }

  @OnEvent(Subjects.TicketSplit, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  onTicketSplit(@Payload() event: EventEnvelope<typeof Subjects.TicketSplit>): Promise<void> {
    return this.split.submit(event);
  }

  /** Only a specialist's reply answers the stakeholder; the acknowledgement does not. */
  @OnEvent(Subjects.ReplySent, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  async onReplySent(@Payload() event: EventEnvelope<typeof Subjects.ReplySent>): Promise<void> {
    if (event.data.kind !== 'reply') return;
    await this.clockUpdates.submit(event);
  }

  /** A stakeholder's own follow-up (not an auto-reply) owes them the next response. */
  @OnEvent(Subjects.TicketFollowup, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  async onFollowup(@Payload() event: EventEnvelope<typeof Subjects.TicketFollowup>): Promise<void> {
    if (event.data.automation.automated) return;
    await this.clockUpdates.submit(event);
  }

  @OnEvent(Subjects.TicketStatusChanged, { concurrency: GROUP_COMMIT_IN_FLIGHT })
  onStatusChanged(@Payload() event: EventEnvelope<typeof Subjects.TicketStatusChanged>): Promise<void> {
    return this.clockUpdates.submit(event);
  }
}
