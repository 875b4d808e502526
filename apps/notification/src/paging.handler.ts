import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { UnitOfWork } from '@casework/messaging';
import { PagingService, type Paged } from './paging.service.js';
import { SlaSchedulerService } from './sla-scheduler.service.js';

const CONSUMER = 'notification';

/** A ticket raised to `emergency` pages whoever is on call (ticket.opened is handled in SlaClockHandler). */
@Controller()
export class PagingHandler {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(PagingService) private readonly paging: PagingService,
    @Inject(SlaSchedulerService) private readonly scheduler: SlaSchedulerService,
  ) {}

  @EventPattern(Subjects.TicketPriorityChanged, { concurrency: 4 })
  async onPriorityChanged(@Payload() event: EventEnvelope<typeof Subjects.TicketPriorityChanged>): Promise<void> {
    if (event.data.to !== 'emergency') return;
    let paged: Paged = { notices: [], escalateAt: [] };
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx, emit) => {
      paged = await this.paging.pageTicket(tx, emit, event.data.ticketId);
    });
    for (const time of paged.escalateAt) this.scheduler.wakeBy(time);
    await this.paging.send(paged.notices);
  }
}
