import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { TicketHistoryRepository, TicketWorkRepository, type Db } from '@casework/database';
import { decideAssignee, decideClaim, DomainError, hasCapability, ticketAccess } from '@casework/domain';
import { UnitOfWork, type Emit } from '@casework/messaging';
import type { Caller } from '../auth/caller.js';

/**
 * Who holds a ticket: an explicit assignment (PATCH, the assignee needs write access to the
 * queue) or a claim by the caller (refused while someone else holds it, unless a lead forces
 * it). Under the ticket's row lock, so two claims at once cannot both win; an event and a
 * history row when the holder really changes.
 */
@Injectable()
export class AssignTicketUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketWorkRepository) private readonly work: TicketWorkRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
  ) {}

  /** Answers who held it before. */
  async assign(caller: Caller, ticketId: string, assigneeId: string | null): Promise<{ before: string | null }> {
    return this.unitOfWork.run((tx, emit) => this.assignWithin(tx, emit, caller, ticketId, assigneeId));
  }

  /** `assign` inside the caller's transaction (a PATCH that also changes status or priority: all of it or none). */
  async assignWithin(tx: Db, emit: Emit, caller: Caller, ticketId: string, assigneeId: string | null): Promise<{ before: string | null }> {
    const locked = await this.work.lockAssignment(tx, ticketId);
    if (!locked) throw DomainError.ticketNotFound(ticketId);
    if (assigneeId !== null) await this.requireAssignable(tx, assigneeId, locked.queueId);
    await this.change(tx, emit, caller, ticketId, locked, assigneeId);
    return { before: locked.assigneeId };
  }

  async claim(caller: Caller, ticketId: string, force: boolean): Promise<{ before: string | null }> {
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.work.lockAssignment(tx, ticketId);
      if (!locked) throw DomainError.ticketNotFound(ticketId);
      const decision = decideClaim({ holderId: locked.assigneeId, callerId: caller.userId, force, mayOverride: hasCapability(caller.role, 'tickets:override') });
      if (!decision.allowed) throw DomainError.assignmentRefused(decision.reason);
      await this.change(tx, emit, caller, ticketId, locked, caller.userId);
      return { before: locked.assigneeId };
    });
  }

  private async requireAssignable(tx: Db, assigneeId: string, queueId: string): Promise<void> {
    const facts = await this.work.assigneeFacts(tx, assigneeId, queueId);
    const canWrite = facts !== null && ticketAccess(facts.role, { restricted: facts.queueRestricted }, facts.grant).write;
    const decision = decideAssignee(facts && { id: facts.id, disabled: facts.disabled, canWrite }, assigneeId);
    if (!decision.allowed) throw DomainError.assignmentRefused(decision.reason);
  }

  private async change(
    tx: Db,
    emit: Emit,
    caller: Caller,
    ticketId: string,
    locked: { assigneeId: string | null; queueId: string },
    to: string | null,
  ): Promise<void> {
    if (locked.assigneeId === to) return;
    await this.work.setAssignee(tx, ticketId, to);
    await this.history.append(tx, [{ ticketId, kind: 'assigned', details: { from: locked.assigneeId, to }, actorId: caller.userId }]);
    await emit(Subjects.TicketAssigned, { ticketId, queueId: locked.queueId, fromUserId: locked.assigneeId, toUserId: to, byUserId: caller.userId });
  }
}
