import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { UnitOfWork } from '@casework/messaging';
import { PagingService, type Paged } from './paging.service.js';
import { SlaLifecycleService } from './sla-lifecycle.service.js';
import { SlaSchedulerService } from './sla-scheduler.service.js';

const CONSUMER = 'notification';

/** Drives the SLA clocks from ticket and reply events (see SlaLifecycleService for the rules). */
@Controller()
export class SlaClockHandler {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(SlaLifecycleService) private readonly lifecycle: SlaLifecycleService,
    @Inject(SlaSchedulerService) private readonly scheduler: SlaSchedulerService,
    @Inject(PagingService) private readonly paging: PagingService,
  ) {}

  @EventPattern(Subjects.TicketOpened, { concurrency: 4 })
  async onTicketOpened(@Payload() event: EventEnvelope<typeof Subjects.TicketOpened>): Promise<void> {
    let times: Date[] = [];
    let paged: Paged = { notices: [], escalateAt: [] };
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx, emit) => {
      times = await this.lifecycle.ticketOpened(tx, event.data, new Date(event.occurredAt));
      // An emergency pages whoever is on call, in the same transaction.
      if (event.data.priority === 'emergency') paged = await this.paging.pageTicket(tx, emit, event.data.ticketId);
    });
    this.wake([...times, ...paged.escalateAt]);
    await this.paging.send(paged.notices);
  }

  /** Only a specialist's reply answers the stakeholder; the acknowledgement does not. */
  @EventPattern(Subjects.ReplySent, { concurrency: 4 })
  async onReplySent(@Payload() event: EventEnvelope<typeof Subjects.ReplySent>): Promise<void> {
    if (event.data.kind !== 'reply') return;
    await this.unitOfWork.runOnce(CONSUMER, event, (tx) => this.lifecycle.replySent(tx, event.data.ticketId, new Date(event.occurredAt)));
  }

  /** A stakeholder's own follow-up (not an auto-reply) owes them the next response. */
  @EventPattern(Subjects.TicketFollowup, { concurrency: 4 })
  async onFollowup(@Payload() event: EventEnvelope<typeof Subjects.TicketFollowup>): Promise<void> {
    if (event.data.automation.automated) return;
    let times: Date[] = [];
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx) => {
      times = await this.lifecycle.followup(tx, event.data.ticketId, new Date(event.occurredAt));
    });
    this.wake(times);
  }

  @EventPattern(Subjects.TicketStatusChanged, { concurrency: 4 })
  async onStatusChanged(@Payload() event: EventEnvelope<typeof Subjects.TicketStatusChanged>): Promise<void> {
    let times: Date[] = [];
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx) => {
      times = await this.lifecycle.statusChanged(tx, event.data.ticketId, event.data.from, event.data.to, new Date(event.occurredAt));
    });
    this.wake(times);
  }

  private wake(times: Date[]): void {
    for (const time of times) this.scheduler.wakeBy(time);
  }
}
