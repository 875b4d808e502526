import { Module } from '@nestjs/common';
import { ChangeTicketStatusService } from './change-ticket-status.service.js';
import { GetTicketService } from './get-ticket.service.js';
import { ListTicketsService } from './list-tickets.service.js';
import { ReplyToTicketService } from './reply-to-ticket.service.js';
import { TicketsController } from './tickets.controller.js';

@Module({
  controllers: [TicketsController],
  providers: [ListTicketsService, GetTicketService, ReplyToTicketService, ChangeTicketStatusService],
})
export class TicketsModule {}
