import { Global, Module } from '@nestjs/common';
import { TicketAccessService } from './ticket-access.service.js';

/** The ticket rule's loader, for every feature module. */
@Global()
@Module({ providers: [TicketAccessService], exports: [TicketAccessService] })
export class AccessModule {}
