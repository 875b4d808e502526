import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller.js';
import { ChangeTicketStatusService } from './change-ticket-status.service.js';
import { GetAttachmentService } from './get-attachment.service.js';
import { GetTicketService } from './get-ticket.service.js';
import { ListTicketsService } from './list-tickets.service.js';
import { ReplyToTicketService } from './reply-to-ticket.service.js';
import { TicketsController } from './tickets.controller.js';

@Module({
  controllers: [TicketsController, AttachmentsController],
  providers: [ListTicketsService, GetTicketService, ReplyToTicketService, ChangeTicketStatusService, GetAttachmentService],
})
export class TicketsModule {}
