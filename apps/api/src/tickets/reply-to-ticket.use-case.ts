import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { OutboundRepository, TicketReadRepository, TicketRepository } from '@casework/database';
import { domainOfAddress, generateMessageId, replyHeaders, type ReplyHeaders } from '@casework/mail';
import { DomainError, replySubject } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { isUuid } from '../common/uuid.util.js';

const NOT_A_REPLY: ReplyHeaders = { inReplyTo: null, references: [] };

/**
 * Queues an agent's reply: the outbound row (Message-ID fixed now) and the
 * `reply.requested` event commit together; the template-reply service sends it.
 */
@Injectable()
export class ReplyToTicketUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(TicketReadRepository) private readonly ticketReads: TicketReadRepository,
    @Inject(OutboundRepository) private readonly outbound: OutboundRepository,
  ) {}

  async execute(ticketId: string, body: string): Promise<{ outboundId: string }> {
    if (!isUuid(ticketId)) throw DomainError.ticketNotFound(ticketId);
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.tickets.findForUpdate(tx, ticketId);
      const ticket = locked ? await this.ticketReads.find(tx, ticketId) : null;
      if (!ticket) throw DomainError.ticketNotFound(ticketId);
      const answered = await this.ticketReads.lastInbound(tx, ticketId);
      const threading = answered ? replyHeaders(answered) : NOT_A_REPLY;
      const outboundId = await this.outbound.insert(tx, {
        ticketId,
        kind: 'reply',
        messageId: generateMessageId(domainOfAddress(ticket.queue.address)),
        inReplyTo: threading.inReplyTo,
        references: threading.references,
        fromEmail: ticket.queue.address,
        to: ticket.requester,
        subject: replySubject(ticket.subject, ticket.number),
        text: body,
      });
      if (!outboundId) throw new Error(`the reply to ticket ${ticketId} was not stored`);
      await emit(Subjects.ReplyRequested, { outboundId, ticketId });
      return { outboundId };
    });
  }
}
