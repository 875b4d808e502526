import { Module } from '@nestjs/common';
import { ArticleHtmlController } from './article-html.controller.js';
import { AttachmentsController } from './attachments.controller.js';
import { ChangeTicketStatusUseCase } from './change-ticket-status.use-case.js';
import { GetArticleHtmlUseCase } from './get-article-html.use-case.js';
import { GetAttachmentUseCase } from './get-attachment.use-case.js';
import { GetTicketUseCase } from './get-ticket.use-case.js';
import { ListTicketsUseCase } from './list-tickets.use-case.js';
import { MarkNotSpamUseCase } from './mark-not-spam.use-case.js';
import { ReplyComposer } from './reply-composer.js';
import { ReplyToTicketUseCase } from './reply-to-ticket.use-case.js';
import { TicketsController } from './tickets.controller.js';
import { AssignTicketUseCase } from '../workspace/assign-ticket.use-case.js';
import { CollisionGuard } from '../workspace/collision-guard.js';

@Module({
  controllers: [TicketsController, AttachmentsController, ArticleHtmlController],
  providers: [ListTicketsUseCase, GetTicketUseCase, ReplyComposer, ReplyToTicketUseCase, ChangeTicketStatusUseCase, GetAttachmentUseCase, GetArticleHtmlUseCase, MarkNotSpamUseCase, AssignTicketUseCase, CollisionGuard],
  // The workspace's routes (notes, claims, contacts) read tickets, assign and check collisions as these do.
  exports: [GetTicketUseCase, ListTicketsUseCase, AssignTicketUseCase, CollisionGuard],
})
export class TicketsModule {}
