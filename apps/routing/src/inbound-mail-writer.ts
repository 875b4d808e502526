import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { Subjects } from '@casework/contracts';
import { AutoAssignRepository, OutboundRepository, TicketEscalationRepository, TicketRepository, type LockedTicket, type NewHistoryEntry } from '@casework/database';
import { chooseAutoAssignee, escalateForHashListHit, requesterOf, statusAfterFollowup, type HashListMatch, type RoutingStep, type TicketPriority } from '@casework/domain';
import { automationOf } from '@casework/mail';
import type { Emit } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { InboundArticles, withoutNul } from './inbound-articles.js';
import type { DecidedStep } from './mail-batch-preparer.js';
import { ROUTING_SETTINGS } from './routing.tokens.js';

/**
 * Routing's writes inside the batch's transaction, as the decisions say: new tickets opened
 * with their first article, follow-ups appended to their ticket, bounces and auto-replies kept
 * as system notes; each decision's steps in the ticket's history, and the events.
 */
@Injectable()
export class InboundMailWriter {
  constructor(
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(OutboundRepository) private readonly outbound: OutboundRepository,
    @Inject(InboundArticles) private readonly articles: InboundArticles,
    @Inject(AutoAssignRepository) private readonly autoAssign: AutoAssignRepository,
    @Inject(TicketEscalationRepository) private readonly escalations: TicketEscalationRepository,
  ) {}

  /** Opens a ticket per step where its decision says, with the first article and ticket.opened. */
  async openTickets(tx: EntityManager, emit: Emit, steps: DecidedStep<'open'>[]): Promise<void> {
    if (steps.length === 0) return;
    const requesters = steps.map(({ mail }) => requesterOf(mail));
    const requesterIds = await this.tickets.upsertContacts(tx, requesters);
    const subjects = steps.map(({ mail }) => withoutNul(mail.subject).trim() || '(no subject)');
    const roundRobin = await this.roundRobin(tx, steps);
    const opened = await this.tickets.openMany(
      tx,
      steps.map(({ decision }, i) => ({
        subject: subjects[i],
        queueId: decision.queueId,
        requesterId: requesterIds[i],
        priority: decision.priority,
        language: decision.language,
        triage: decision.triage,
        tags: decision.tags,
        link: decision.link,
        spam: decision.spam && { signals: decision.spam.signals, intendedQueueId: decision.intendedQueueId, acknowledgementHeld: decision.spam.acknowledgeOnRelease },
        assigneeId: decision.assigneeId ?? roundRobin[i],
        // Numbered in arrival order, whichever router commits first.
        sequence: steps[i].arrivalNumber,
      })),
    );
    const automations = steps.map(({ mail }) => automationOf(mail, [this.settings.MAIL_FROM]));
    const articleIds = await this.articles.add(
      tx,
      steps.map((step, i) => ({ ticketId: opened[i].id, rawMessageId: step.rawMessageId, mail: step.mail, automated: automations[i].automated, systemNote: step.decision.systemNote, hashListHit: step.decision.hashListHit })),
      { ticketsOpenedInThisTransaction: true },
    );
    await this.articles.record(
      tx,
      steps.map(({ decision }, i) => ({ ticketId: opened[i].id, articleId: articleIds[i], steps: decision.steps })),
      // The earlier ticket says which one continues it; a round-robin assignment is a step of the new one.
      steps.flatMap(({ decision }, i): NewHistoryEntry[] =>
        decision.link ? [{ ticketId: decision.link.ticketId, kind: 'continued_by_ticket', details: { ticketId: opened[i].id, number: opened[i].number, reason: decision.link.reason } }] : [],
      ).concat(roundRobin.flatMap((userId, i): NewHistoryEntry[] => (userId ? [{ ticketId: opened[i].id, kind: 'assigned', details: { from: null, to: userId, by: 'round_robin' } }] : []))),
    );
    for (const [i, { decision, rawMessageId }] of steps.entries()) {
      const automation = automations[i];
      await emit(Subjects.TicketOpened, {
        ticketId: opened[i].id,
        ticketNumber: opened[i].number,
        queueId: decision.queueId,
        articleId: articleIds[i],
        priority: decision.priority,
        requester: requesters[i],
        subject: subjects[i],
        automation: { automated: automation.automated, reason: automation.automated ? automation.reason : null },
        acknowledgement: { suppressed: decision.suppressAcknowledgement !== null, reason: decision.suppressAcknowledgement },
      });
      this.logger.info({ ticketId: opened[i].id, ticketNumber: opened[i].number, rawMessageId, queueId: decision.queueId, spam: decision.spam !== null, hashListMatch: decision.hashListHit !== undefined }, 'ticket opened');
      const assignee = roundRobin[i];
      if (assignee) await emit(Subjects.TicketAssigned, { ticketId: opened[i].id, queueId: decision.queueId, fromUserId: null, toUserId: assignee, byUserId: null });
    }
  }

  /**
   * Round-robin on open, for each new ticket no rule assigned and not filed as spam, in a queue
   * that assigns on open: the domain's choice among who is on shift, counting this batch's
   * earlier choices as load (null: nobody qualifies, or the queue does not assign).
   */
  private async roundRobin(tx: EntityManager, steps: DecidedStep<'open'>[]): Promise<(string | null)[]> {
    const wanting = steps.map(({ decision }) => decision.assigneeId === null && decision.spam === null);
    const queueIds = [...new Set(steps.filter((_, i) => wanting[i]).map(({ decision }) => decision.queueId))];
    const byQueue = await this.autoAssign.candidates(tx, queueIds, new Date());
    return steps.map(({ decision }, i) => {
      const queue = wanting[i] ? byQueue.get(decision.queueId) : undefined;
      const chosen = queue && chooseAutoAssignee(queue.candidates, queue.maxOpen);
      if (!chosen) return null;
      chosen.openCount += 1;
      chosen.lastAssignedAt = new Date();
      return chosen.userId;
    });
  }

  /** Adds the mail to the ticket it continues (flagged when its sender is a stranger), with ticket.followup. */
  async appendFollowup(tx: EntityManager, emit: Emit, step: DecidedStep<'followup'>): Promise<void> {
    const { decision } = step;
    const ticket = await this.lock(tx, decision.ticketId);
    const automation = automationOf(step.mail, [this.settings.MAIL_FROM]);
    const [articleId] = await this.articles.add(tx, [{ ticketId: ticket.id, rawMessageId: step.rawMessageId, mail: step.mail, automated: automation.automated, flagged: decision.flagged, hashListHit: decision.hashListHit }]);
    const status = decision.reopen ? statusAfterFollowup(ticket.status) : ticket.status;
    if (status !== ticket.status) {
      await this.tickets.setStatus(tx, ticket.id, status);
      await emit(Subjects.TicketStatusChanged, { ticketId: ticket.id, from: ticket.status, to: status });
    }
    await this.tickets.applyFollowup(tx, ticket.id, { priority: decision.raisePriorityTo, triage: decision.triage, tags: decision.tags, language: decision.language });
    if (decision.raisePriorityTo !== null && decision.raisePriorityTo !== ticket.priority) {
      // An emergency pages whoever is on call (notification listens for it).
      await emit(Subjects.TicketPriorityChanged, { ticketId: ticket.id, from: ticket.priority, to: decision.raisePriorityTo, queueId: ticket.queueId });
    }
    const escalated = decision.hashListHit ? await this.escalate(tx, emit, ticket, decision.raisePriorityTo ?? ticket.priority, decision.hashListHit) : [];
    await this.articles.record(tx, [{ ticketId: ticket.id, articleId, steps: [...decision.steps, ...escalated] }]);
    await emit(Subjects.TicketFollowup, {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      articleId,
      matchedBy: decision.matchedBy,
      automation: { automated: automation.automated, reason: automation.automated ? automation.reason : null },
      flagged: decision.flagged,
    });
    this.logger.info({ ticketId: ticket.id, rawMessageId: step.rawMessageId, matchedBy: decision.matchedBy, flagged: decision.flagged }, 'follow-up threaded');
  }

  /**
   * Keeps a bounce or auto-reply as a system note on the ticket of the mail it reports on: no
   * reopening, no clock, no acknowledgement. A bounce marks that outbound message (failed, with
   * the status code) and emits outbound.bounced.
   */
  async attachNote(tx: EntityManager, emit: Emit, step: DecidedStep<'note'>): Promise<void> {
    const { decision } = step;
    const ticket = await this.lock(tx, decision.ticketId);
    const [articleId] = await this.articles.add(tx, [
      { ticketId: ticket.id, rawMessageId: step.rawMessageId, mail: step.mail, automated: true, direction: 'note', systemNote: decision.note, hashListHit: decision.hashListHit },
    ]);
    if (decision.bounce) {
      const { outboundId, status, failed } = decision.bounce;
      await this.outbound.markBounced(tx, outboundId, status, failed);
      await emit(Subjects.OutboundBounced, { outboundId, ticketId: ticket.id, articleId, status, failed });
    }
    const escalated = decision.hashListHit ? await this.escalate(tx, emit, ticket, ticket.priority, decision.hashListHit) : [];
    await this.articles.record(tx, [{ ticketId: ticket.id, articleId, steps: [...decision.steps, ...escalated] }]);
    this.logger.info({ ticketId: ticket.id, rawMessageId: step.rawMessageId, note: decision.note, outboundId: decision.bounce?.outboundId }, 'system note attached');
  }

  /**
   * An attachment of this mail is on a hash list: its ticket (locked) goes to the child-safety
   * queue as an emergency with level-2 triage (escalateForHashListHit); raising it to emergency
   * emits ticket.priority_changed, which pages whoever is on call. Answers the history steps.
   */
  private async escalate(tx: EntityManager, emit: Emit, ticket: LockedTicket, priority: TicketPriority, match: HashListMatch): Promise<RoutingStep[]> {
    const escalation = escalateForHashListHit({ queueId: ticket.queueId, priority, triage: await this.escalations.triageOf(tx, ticket.id) }, match);
    await this.escalations.escalate(tx, ticket.id, escalation);
    const queueId = escalation.queueId ?? ticket.queueId;
    if (escalation.priority !== null) await emit(Subjects.TicketPriorityChanged, { ticketId: ticket.id, from: priority, to: escalation.priority, queueId });
    this.logger.warn({ ticketId: ticket.id, queueId, attachments: match.positions.length, lists: match.listIds }, 'attachment on a hash list: ticket escalated');
    return escalation.steps;
  }

  private async lock(tx: EntityManager, ticketId: string): Promise<LockedTicket> {
    const ticket = await this.tickets.findForUpdate(tx, ticketId);
    if (!ticket) throw new Error(`ticket ${ticketId} vanished while routing`);
    return ticket;
  }
}
