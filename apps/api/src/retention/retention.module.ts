import { Module } from '@nestjs/common';
import { DeleteTicketUseCase } from './delete-ticket.use-case.js';
import { EraseContactUseCase } from './erase-contact.use-case.js';
import { RetentionController } from './retention.controller.js';

/** Ticket deletion, a person's erasure and retention's dry-run (issue 15). */
@Module({ controllers: [RetentionController], providers: [DeleteTicketUseCase, EraseContactUseCase] })
export class RetentionModule {}
