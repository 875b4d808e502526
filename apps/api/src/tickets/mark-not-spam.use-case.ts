import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { QueueRepository, TicketHistoryRepository, TicketReadRepository, TicketRepository, type TicketRecord } from '@casework/database';
import { DomainError } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';

/**
 * Takes a ticket out of the spam queue, back to the queue routing would have given it (the
 * default queue when that is unknown), under its row lock; records it in the ticket's history
 * and emits ticket.not_spam, on which template-reply sends the acknowledgement held back while
 * it sat in spam. 409 TicketNotInSpam for a ticket that is not in the spam queue.
 */
@Injectable()
export class MarkNotSpamUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(TicketReadRepository) private readonly ticketReads: TicketReadRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
  ) {}

  async execute(ticketId: string, actorId: string): Promise<{ fromQueueId: string; toQueueId: string; ticket: TicketRecord }> {
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.tickets.findForUpdate(tx, ticketId);
      if (!locked) throw DomainError.ticketNotFound(ticketId);
      const queue = await this.queues.find(tx, locked.queueId);
      if (queue?.role !== 'spam') throw DomainError.ticketNotInSpam(ticketId);
      const toQueueId = locked.intendedQueueId ?? (await this.queues.findDefault(tx))?.id;
      if (!toQueueId) throw DomainError.queueNotFound('default');
      await this.tickets.releaseFromSpam(tx, ticketId, toQueueId);
      await this.history.append(tx, [{ ticketId, kind: 'released_from_spam', details: { fromQueueId: locked.queueId, toQueueId }, actorId }]);
      await emit(Subjects.TicketNotSpam, { ticketId, ticketNumber: locked.number, fromQueueId: locked.queueId, toQueueId, acknowledge: locked.acknowledgementHeld });
      const ticket = await this.ticketReads.find(tx, ticketId);
      return { fromQueueId: locked.queueId, toQueueId, ticket: ticket! };
    });
  }
}
