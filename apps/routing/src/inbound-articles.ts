import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { AttachmentRepository, TicketHistoryRepository, TicketRepository, type ArticleDirection, type ArticleFlag, type NewHistoryEntry, type SystemNoteKind } from '@casework/database';
import type { HashListHit, RoutingStep } from '@casework/domain';
import { storableAttachment, type ParsedMail } from '@casework/mail';
import { ROUTING_SETTINGS } from './routing.tokens.js';

/** One mail to keep as an article of a ticket. */
export interface MailArticle {
  ticketId: string;
  rawMessageId: string;
  mail: ParsedMail;
  automated: boolean;
  direction?: ArticleDirection;
  flagged?: ArticleFlag | null;
  systemNote?: SystemNoteKind | null;
  /** Attachments a hash list matched: stored blocked. */
  hashListHit?: HashListHit | null;
}

/**
 * Mail kept as articles (with their attachments; bytes over ATTACHMENT_MAX_BYTES not kept: the
 * raw message has them), and the decision steps kept in the tickets' history.
 */
@Injectable()
export class InboundArticles {
  constructor(
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
  ) {}

  /** The articles' ids, in order. */
  async add(tx: EntityManager, inbound: MailArticle[], options: { ticketsOpenedInThisTransaction?: boolean } = {}): Promise<string[]> {
    const articleIds = await this.tickets.addArticles(
      tx,
      inbound.map(({ ticketId, rawMessageId, mail, automated, direction = 'inbound', flagged = null, systemNote = null }) => ({
        ticketId,
        direction,
        from: mail.from,
        to: mail.to,
        cc: mail.cc,
        subject: withoutNul(mail.subject),
        text: withoutNul(mail.text),
        html: mail.html === null ? null : withoutNul(mail.html),
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo[0] ?? null,
        references: mail.references,
        automated,
        rawMessageId,
        flagged,
        systemNote,
      })),
      options,
    );
    const maxBytes = this.settings.ATTACHMENT_MAX_BYTES;
    for (const [i, { mail, hashListHit = null }] of inbound.entries()) {
      if (mail.attachments.length === 0) continue;
      await this.attachments.addToArticle(tx, articleIds[i], mail.attachments.map((attachment) => storableAttachment(attachment, maxBytes)), hashListHit);
    }
    return articleIds;
  }

  /** Records the decision steps of each article in its ticket's history (plus any extra entries), in one statement. */
  async record(tx: EntityManager, decided: { ticketId: string; articleId: string; steps: readonly RoutingStep[] }[], extra: NewHistoryEntry[] = []): Promise<void> {
    const entries = decided.flatMap(({ ticketId, articleId, steps }) => steps.map(({ kind, ...details }): NewHistoryEntry => ({ ticketId, articleId, kind, details })));
    await this.history.append(tx, [...entries, ...extra]);
  }
}

/** Postgres text cannot hold NUL; real mail sometimes does. */
export function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
}
