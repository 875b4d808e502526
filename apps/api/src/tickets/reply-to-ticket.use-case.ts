import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { AnswerContextRepository, AttachmentRepository, OutboundRepository, TicketRepository, TicketWorkRepository } from '@casework/database';
import { distinctAddresses, domainOfAddress, generateMessageId, normalizeEmail, replyHeaders, type ReplyHeaders } from '@casework/mail';
import { DomainError } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { isUuid } from '../common/uuid.util.js';
import type { CreateReplyDto } from './dto/reply.dto.js';
import { replyAttachments } from './reply-attachments.js';
import { ReplyComposer } from './reply-composer.js';
import { ReplyErrors } from './reply.errors.js';
import { CollisionGuard } from '../workspace/collision-guard.js';

const NOT_A_REPLY: ReplyHeaders = { inReplyTo: null, references: [] };

export interface QueuedReply {
  outboundId: string;
  articleId: string;
  locale: string | null;
}

/**
 * Queues a specialist's reply: the outbound row (Message-ID fixed now), its article with its
 * attachments, and the `reply.requested` event commit together; the template-reply service
 * sends it. Refused before anything is stored: an article added after `ifLastArticleId` (409 TicketChanged), attachments over 10 MB (413), a requester address
 * no mail can go to (422), a template that does not fit (400).
 */
@Injectable()
export class ReplyToTicketUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(AnswerContextRepository) private readonly contexts: AnswerContextRepository,
    @Inject(OutboundRepository) private readonly outbound: OutboundRepository,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
    @Inject(ReplyComposer) private readonly composer: ReplyComposer,
    @Inject(TicketWorkRepository) private readonly work: TicketWorkRepository,
    @Inject(CollisionGuard) private readonly collisions: CollisionGuard,
  ) {}

  async execute(ticketId: string, input: CreateReplyDto, authorId: string | null = null): Promise<QueuedReply> {
    if (!isUuid(ticketId)) throw DomainError.ticketNotFound(ticketId);
    const files = replyAttachments(input.attachments);
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.tickets.findForUpdate(tx, ticketId);
      const context = locked ? (await this.contexts.forTickets(tx, [ticketId])).get(ticketId) : undefined;
      if (!context) throw DomainError.ticketNotFound(ticketId);
      // Under the ticket's row lock: of two replies at once, the second sees the first.
      await this.collisions.check(tx, ticketId, input.ifLastArticleId);
      const to = normalizeEmail(context.requester.email);
      if (!to) throw ReplyErrors.invalidRecipient();
      const cc = distinctAddresses(input.cc ?? []).filter((email) => email.toLowerCase() !== to);
      const content = await this.composer.compose(tx, context, input);
      const threading = context.lastInbound ? replyHeaders(context.lastInbound) : NOT_A_REPLY;
      const [queued] = await this.outbound.insertMany(tx, [{
        ticketId,
        kind: 'reply',
        messageId: generateMessageId(domainOfAddress(context.queue.address)),
        inReplyTo: threading.inReplyTo,
        references: threading.references,
        fromEmail: context.queue.address,
        to: context.requester,
        cc: cc.map((email) => ({ email, name: null })),
        ...content,
      }]);
      if (!queued) throw new Error(`the reply to ticket ${ticketId} was not stored`);
      if (files.length > 0) await this.attachments.addToArticle(tx, queued.articleId, files);
      if (authorId) await this.work.setAuthor(tx, queued.articleId, authorId);
      await emit(Subjects.ReplyRequested, { outboundId: queued.id, ticketId });
      return { outboundId: queued.id, articleId: queued.articleId, locale: content.locale };
    });
  }
}
