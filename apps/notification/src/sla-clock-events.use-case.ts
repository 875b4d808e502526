import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { togetherElseOneByOne, UnitOfWork, type BatchOutcome } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { PagingService } from './paging.service.js';
import { SlaLifecycleService } from './sla-lifecycle.service.js';
import { SlaSchedulerService } from './sla-scheduler.service.js';

const CONSUMER = 'notification';

export type TicketOpened = EventEnvelope<typeof Subjects.TicketOpened>;
export type TicketSplit = EventEnvelope<typeof Subjects.TicketSplit>;

/** Events that move a ticket's existing clocks. */
export type ClockEvent = EventEnvelope<typeof Subjects.ReplySent> | EventEnvelope<typeof Subjects.TicketFollowup> | EventEnvelope<typeof Subjects.TicketStatusChanged>;

/**
 * The SLA clocks' event handling in batches (a lone event is a batch of one), one transaction
 * per batch: opened tickets get their clocks from one policy look-up and one insert; events on
 * existing clocks are applied one after the other, in order. The scheduler is woken for the new
 * due and warning times after the commit. When a batch as a whole fails (a ticket that does not
 * exist, a deadlock) its events are handled one by one, so one bad event costs the others nothing.
 */
@Injectable()
export class SlaClockEventsUseCase {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(SlaLifecycleService) private readonly lifecycle: SlaLifecycleService,
    @Inject(SlaSchedulerService) private readonly scheduler: SlaSchedulerService,
    @Inject(PagingService) private readonly paging: PagingService,
  ) {}

  openAll(events: TicketOpened[]): Promise<BatchOutcome[]> {
    return this.togetherElseOneByOne('ticket.opened', events, (batch) => this.open(batch));
  }

  /**
   * A ticket split off another owes its requester an answer like a new one: its clocks start at
   * the split (no acknowledgement is sent, and emergencies were paged on the source already).
   */
  splitAll(events: TicketSplit[]): Promise<BatchOutcome[]> {
    return this.togetherElseOneByOne('ticket.split', events, async (batch) => {
      let times: Date[] = [];
      await this.unitOfWork.runOnceAll(CONSUMER, batch, async (tx, _emit, fresh) => {
        times = await this.lifecycle.ticketsOpened(
          tx,
          fresh.map(({ data, occurredAt }) => ({ ticketId: data.newTicketId, queueId: data.queueId, priority: data.priority ?? 'normal', at: new Date(occurredAt) })),
        );
      });
      this.wake(times);
    });
  }

  updateAll(events: ClockEvent[]): Promise<BatchOutcome[]> {
    return this.togetherElseOneByOne('clock update', events, (batch) => this.update(batch));
  }

  private async open(events: TicketOpened[]): Promise<void> {
    let times: Date[] = [];
    const notices: string[] = [];
    await this.unitOfWork.runOnceAll(CONSUMER, events, async (tx, emit, fresh) => {
      times = await this.lifecycle.ticketsOpened(
        tx,
        fresh.map(({ data, occurredAt }) => ({ ticketId: data.ticketId, queueId: data.queueId, priority: data.priority, at: new Date(occurredAt) })),
      );
      // An emergency pages whoever is on call, in the same transaction (rare: one by one).
      for (const event of fresh) {
        if (event.data.priority !== 'emergency') continue;
        const paged = await this.paging.pageTicket(tx, emit, event.data.ticketId);
        notices.push(...paged.notices);
        times.push(...paged.escalateAt);
      }
    });
    this.wake(times);
    if (notices.length > 0) await this.paging.send(notices);
  }

  private async update(events: ClockEvent[]): Promise<void> {
    let times: Date[] = [];
    await this.unitOfWork.runOnceAll(CONSUMER, events, async (tx, _emit, fresh) => {
      times = [];
      for (const event of fresh) times.push(...(await this.apply(tx, event)));
    });
    this.wake(times);
  }

  private async apply(tx: EntityManager, event: ClockEvent): Promise<Date[]> {
    const at = new Date(event.occurredAt);
    switch (event.subject) {
      case Subjects.ReplySent:
        await this.lifecycle.replySent(tx, event.data.ticketId, at);
        return [];
      case Subjects.TicketFollowup:
        // A stranger's flagged mail is not the requester's: it starts no response clock.
        if (event.data.flagged) return [];
        return this.lifecycle.followup(tx, event.data.ticketId, at);
      case Subjects.TicketStatusChanged:
        return this.lifecycle.statusChanged(tx, event.data.ticketId, event.data.from, event.data.to, at);
    }
  }

  private togetherElseOneByOne<E extends EventEnvelope>(what: string, events: E[], handle: (batch: E[]) => Promise<void>): Promise<BatchOutcome[]> {
    return togetherElseOneByOne(events, handle, (error) => this.logger.warn({ err: error, events: events.length }, `a ${what} batch failed: handling its events one by one`));
  }

  /** The earliest time is enough: the scheduler then sweeps everything due. */
  private wake(times: Date[]): void {
    if (times.length === 0) return;
    this.scheduler.wakeBy(new Date(Math.min(...times.map((time) => time.getTime()))));
  }
}
