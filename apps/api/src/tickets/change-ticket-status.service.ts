import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { TicketRepository, type TicketRecord } from '@casework/database';
import type { TicketStatus } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { DomainError } from '../common/domain.error.js';
import { isUuid } from '../common/uuid.util.js';

/** Sets a ticket's status under its row lock; an event only when the status really changed. */
@Injectable()
export class ChangeTicketStatusService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
  ) {}

  async execute(id: string, status: TicketStatus): Promise<TicketRecord> {
    if (!isUuid(id)) throw DomainError.ticketNotFound(id);
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.tickets.findForUpdate(tx, id);
      if (!locked) throw DomainError.ticketNotFound(id);
      if (locked.status !== status) {
        await this.tickets.setStatus(tx, id, status);
        await emit(Subjects.TicketStatusChanged, { ticketId: id, from: locked.status, to: status });
      }
      const ticket = await this.tickets.find(tx, id);
      if (!ticket) throw DomainError.ticketNotFound(id);
      return ticket;
    });
  }
}
