import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { TicketHistoryRepository, TicketReadRepository, TicketRepository, TicketWorkRepository, type ArticleRecord } from '@casework/database';
import { DomainError } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { CollisionGuard } from './collision-guard.js';

/** An internal note for the next shift: an article never mailed nor shown to the requester. */
@Injectable()
export class AddNoteUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(TicketReadRepository) private readonly reads: TicketReadRepository,
    @Inject(TicketWorkRepository) private readonly work: TicketWorkRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
    @Inject(CollisionGuard) private readonly collisions: CollisionGuard,
  ) {}

  async execute(input: { ticketId: string; queueId: string; authorId: string; body: string; ifLastArticleId?: string }): Promise<ArticleRecord> {
    return this.unitOfWork.run(async (tx, emit) => {
      if (!(await this.tickets.findForUpdate(tx, input.ticketId))) throw DomainError.ticketNotFound(input.ticketId);
      await this.collisions.check(tx, input.ticketId, input.ifLastArticleId);
      const note = await this.work.addNote(tx, input);
      await this.history.append(tx, [{ ticketId: input.ticketId, kind: 'note_added', details: {}, articleId: note.id, actorId: input.authorId }]);
      await emit(Subjects.TicketNoteAdded, { ticketId: input.ticketId, queueId: input.queueId, articleId: note.id, authorId: input.authorId });
      const added = (await this.reads.articles(tx, input.ticketId)).find((article) => article.id === note.id);
      if (!added) throw new Error(`note ${note.id} was not stored`);
      return added;
    });
  }
}
