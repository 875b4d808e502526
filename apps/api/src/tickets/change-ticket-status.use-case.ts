import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { OncallRepository, TicketHistoryRepository, TicketReadRepository, TicketRepository, type NewHistoryEntry, type TicketRecord } from '@casework/database';
import { decideTransition, DomainError, type StatusChangeActor, type TicketPriority, type TicketStatus } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import type { Caller } from '../auth/caller.js';
import { AssignTicketUseCase } from '../workspace/assign-ticket.use-case.js';
import { isUuid } from '../common/uuid.util.js';

/**
 * Sets a ticket's status and/or priority under its row lock, as the state machine allows (a
 * closed ticket stays closed: 409); an event per field that really changed
 * (ticket.status_changed, ticket.priority_changed) and a history row naming the actor, in the
 * same transaction.
 */
@Injectable()
export class ChangeTicketStatusUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(TicketReadRepository) private readonly ticketReads: TicketReadRepository,
    @Inject(OncallRepository) private readonly priorities: OncallRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
    @Inject(AssignTicketUseCase) private readonly assignment: AssignTicketUseCase,
  ) {}

  /**
   * Answers the status and priority before (for the audit trail), who held it before when
   * `assign` was given, and the ticket after. Everything in one transaction: a refused
   * assignment leaves the status as it was, and the other way round.
   */
  async execute(
    id: string,
    actorId: string,
    status: TicketStatus | undefined,
    priority?: TicketPriority,
    actor: StatusChangeActor = 'team',
    assign?: { caller: Caller; assigneeId: string | null },
  ): Promise<{ before: { status: TicketStatus; priority: TicketPriority; assigneeId?: string | null }; after: TicketRecord }> {
    if (!isUuid(id)) throw DomainError.ticketNotFound(id);
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.tickets.findForUpdate(tx, id);
      if (!locked) throw DomainError.ticketNotFound(id);
      if (status !== undefined) {
        const decision = decideTransition(locked.status, status, actor);
        if (!decision.allowed) throw DomainError.invalidStatusTransition(decision.reason);
      }
      const changes: NewHistoryEntry[] = [];
      if (status !== undefined && locked.status !== status) {
        await this.tickets.setStatus(tx, id, status);
        changes.push({ ticketId: id, kind: 'status_changed', details: { from: locked.status, to: status }, actorId });
        await emit(Subjects.TicketStatusChanged, { ticketId: id, from: locked.status, to: status });
      }
      let priorityBefore: TicketPriority | null = null;
      if (priority !== undefined) {
        const current = await this.priorities.lockTicketPriority(tx, id);
        priorityBefore = current?.priority ?? null;
        if (current && current.priority !== priority) {
          await this.priorities.setTicketPriority(tx, id, priority);
          changes.push({ ticketId: id, kind: 'priority_changed', details: { from: current.priority, to: priority }, actorId });
          await emit(Subjects.TicketPriorityChanged, { ticketId: id, from: current.priority, to: priority, queueId: current.queueId });
        }
      }
      await this.history.append(tx, changes);
      const assigned = assign ? await this.assignment.assignWithin(tx, emit, assign.caller, id, assign.assigneeId) : null;
      const ticket = await this.ticketReads.find(tx, id);
      if (!ticket) throw DomainError.ticketNotFound(id);
      return { before: { status: locked.status, priority: priorityBefore ?? ticket.priority, ...(assigned ? { assigneeId: assigned.before } : {}) }, after: ticket };
    });
  }
}
