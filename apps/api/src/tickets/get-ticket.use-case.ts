import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentRepository, OutboundDeliveryRepository, PresenceRepository, TicketHistoryRepository, TicketReadRepository, type ArticleRecord, type AttachmentRecord, type DeliveryRecord, type HistoryEntryRecord, type TicketRecord, type ViewerRecord } from '@casework/database';
import { DomainError } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';

export interface TicketWithArticles {
  /** `metadata`: the caller sees no subject, requester or articles (they are not even loaded). */
  view: 'full' | 'metadata';
  /** The ticket's queue is restricted: no image or video is shown (HTML without images, attachments listed only). */
  restricted: boolean;
  ticket: TicketRecord;
  articles: ArticleRecord[];
  attachments: AttachmentRecord[];
  history: HistoryEntryRecord[];
  /** The delivery of each outgoing article, by article id. */
  deliveries: Map<string, DeliveryRecord>;
  /** Whose presence heartbeat has not expired (shown in either view: it is metadata). */
  viewers: ViewerRecord[];
}

@Injectable()
export class GetTicketUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
    @Inject(OutboundDeliveryRepository) private readonly deliveries: OutboundDeliveryRepository,
    @Inject(PresenceRepository) private readonly presence: PresenceRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, id: string): Promise<TicketWithArticles> {
    // The caller's scope and the viewers load beside the ticket, not after it.
    const known = isUuid(id);
    const [ticket, scope, viewers] = await Promise.all([known ? this.tickets.find(this.db, id) : null, this.access.scopeOf(caller), known ? this.presence.viewersOf(this.db, id) : []]);
    if (!ticket) throw DomainError.ticketNotFound(id);
    const access = await this.access.requirePlaced(caller, { id, queueId: ticket.queue.id }, 'read');
    const view = access.view === 'full' ? 'full' : 'metadata';
    const restricted = scope.isRestricted(ticket.queue.id);
    // A tombstone has nothing left to show but itself (its history's content-free rows aside).
    if (view === 'metadata' || ticket.purgedAt) return { view, restricted, ticket, articles: [], attachments: [], history: [], deliveries: new Map(), viewers };
    const [articles, attachments, history, deliveries] = await Promise.all([
      this.tickets.articles(this.db, id),
      this.attachments.forTicket(this.db, id),
      this.history.forTicket(this.db, id),
      this.deliveries.ofTicket(this.db, id),
    ]);
    return { view, restricted, ticket, articles, attachments, history, deliveries, viewers };
  }
}
