import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { NotificationSettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { SlaRepository } from '@casework/database';
import { dueAt } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';
import { SlaSchedulerService } from './sla-scheduler.service.js';

const CONSUMER = 'notification';

/** Starts the first-response clock when a ticket opens; stops it at the first specialist reply. */
@Controller()
export class SlaClockHandler {
  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(SlaRepository) private readonly sla: SlaRepository,
    @Inject(SlaSchedulerService) private readonly scheduler: SlaSchedulerService,
  ) {}

  @EventPattern(Subjects.TicketOpened, { concurrency: 4 })
  async onTicketOpened(@Payload() event: EventEnvelope<typeof Subjects.TicketOpened>): Promise<void> {
    const startedAt = new Date(event.occurredAt);
    let due: Date | null = null;
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx) => {
      const policy = await this.sla.policyFor(tx, event.data.queueId, event.data.priority);
      const minutes = policy?.firstResponseMinutes ?? this.settings.SLA_FIRST_RESPONSE_MINUTES;
      due = dueAt(startedAt, minutes, policy?.calendar);
      await this.sla.startClock(tx, { ticketId: event.data.ticketId, kind: 'first_response', policyId: policy?.id ?? null, startedAt, dueAt: due });
    });
    if (due) this.scheduler.wakeBy(due);
  }

  /** Only a specialist's reply answers the stakeholder; the acknowledgement does not. */
  @EventPattern(Subjects.ReplySent, { concurrency: 4 })
  async onReplySent(@Payload() event: EventEnvelope<typeof Subjects.ReplySent>): Promise<void> {
    if (event.data.kind !== 'reply') return;
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx) => {
      const repliedAt = new Date(event.occurredAt);
      if (await this.sla.meet(tx, event.data.ticketId, 'first_response', repliedAt)) return;
      // After an outage the reply may be handled before the ticket.opened that starts the clock.
      await this.sla.meetBeforeStart(tx, event.data.ticketId, 'first_response', repliedAt);
    });
  }
}
