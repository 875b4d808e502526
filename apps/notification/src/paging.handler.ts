import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { OnEvent, UnitOfWork } from '@casework/messaging';
import { PagingService, type Paged } from './paging.service.js';
import { SlaLifecycleService } from './sla-lifecycle.service.js';
import { SlaSchedulerService } from './sla-scheduler.service.js';

const CONSUMER = 'notification';

/**
 * A priority change re-targets the ticket's running clocks, and a ticket raised to `emergency`
 * pages whoever is on call (ticket.opened is handled in SlaClockHandler).
 */
@Controller()
export class PagingHandler {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(PagingService) private readonly paging: PagingService,
    @Inject(SlaSchedulerService) private readonly scheduler: SlaSchedulerService,
    @Inject(SlaLifecycleService) private readonly lifecycle: SlaLifecycleService,
  ) {}

  @OnEvent(Subjects.TicketPriorityChanged, { concurrency: 4 })
  async onPriorityChanged(@Payload() event: EventEnvelope<typeof Subjects.TicketPriorityChanged>): Promise<void> {
    let paged: Paged = { notices: [], escalateAt: [] };
    let retargeted: Date[] = [];
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx, emit) => {
      // Another priority may select another policy: running clocks move to it, keeping the time spent.
      retargeted = await this.lifecycle.retargetTicket(tx, event.data.ticketId, new Date(event.occurredAt));
      if (event.data.to === 'emergency') paged = await this.paging.pageTicket(tx, emit, event.data.ticketId);
    });
    for (const time of [...retargeted, ...paged.escalateAt]) this.scheduler.wakeBy(time);
    await this.paging.send(paged.notices);
  }
}
