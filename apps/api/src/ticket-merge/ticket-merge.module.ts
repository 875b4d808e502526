import { Module } from '@nestjs/common';
import { MergeQueueFactsLoader } from './merge-queue-facts.js';
import { MergeTicketUseCase } from './merge-ticket.use-case.js';
import { SplitTicketUseCase } from './split-ticket.use-case.js';
import { TicketHistoryUseCase } from './ticket-history.use-case.js';
import { TicketMergeController } from './ticket-merge.controller.js';

/** Merge, split and a ticket's history (issue 14): routes under tickets/, beside TicketsModule's. */
@Module({
  controllers: [TicketMergeController],
  providers: [MergeQueueFactsLoader, MergeTicketUseCase, SplitTicketUseCase, TicketHistoryUseCase],
})
export class TicketMergeModule {}
