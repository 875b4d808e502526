import type { AddressRecord, ArticleRecord, AttachmentRecord, DeliveryRecord, HistoryEntryRecord, SlaSummary, TicketRecord, ViewerRecord } from '@casework/database';
import { isVisualMedia, remainingBusinessTime } from '@casework/domain';
import { countRemoteImages, effectiveContentType, sanitizeEmailHtml } from '@casework/mail';
import type { ArticleDto, AttachmentDto, DeliveryDto, HistoryEntryDto, TicketDetailDto } from './dto/ticket-detail.dto.js';
import type { AddressDto, SlaClockDto, TicketDto, TicketPageDto, TriageDto } from './dto/ticket.dto.js';
import { toViewerDto } from '../live/dto/viewer.dto.js';

function toAddressDto(address: AddressRecord): AddressDto {
  return { email: address.email, name: address.name ?? null };
}

/** `metadata`: number, queue, status, priority and SLA only; no subject, requester or body. */
export type TicketViewShown = 'full' | 'metadata';

export function toTicketDto(ticket: TicketRecord, now: Date = new Date(), view: TicketViewShown = 'full'): TicketDto {
  const full = view === 'full';
  return {
    id: ticket.id,
    number: ticket.number,
    subject: full ? ticket.subject : null,
    status: ticket.status,
    priority: ticket.priority,
    queue: { slug: ticket.queue.slug, name: ticket.queue.name },
    requester: full ? toAddressDto(ticket.requester) : null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    sla: ticket.sla.map((clock) => toSlaClockDto(clock, now)),
    language: ticket.language,
    triage: toTriageDto(ticket, full),
    tags: ticket.tags,
    linkedTicket: ticket.linkedTicket,
    spam: ticket.spam && {
      signals: ticket.spam.signals,
      intendedQueue: ticket.spam.intendedQueue && { slug: ticket.spam.intendedQueue.slug, name: ticket.spam.intendedQueue.name },
    },
    assignee: ticket.assignee,
    ...(ticket.mergedInto !== undefined ? { mergedInto: ticket.mergedInto } : {}),
    purgedAt: ticket.purgedAt?.toISOString() ?? null,
    tombstone: ticket.tombstone,
  };
}

/** The matched phrases are the article's words: only for a caller who sees its content. */
function toTriageDto(ticket: TicketRecord, full: boolean): TriageDto {
  return {
    level: ticket.triage.level,
    categories: ticket.triage.categories.map((hit) => ({
      category: hit.category,
      level: hit.level,
      language: hit.language,
      evidence: full ? hit.evidence : null,
      dismissed: ticket.triageDismissed.includes(hit.category),
    })),
  };
}

/** Business time left on a clock (negative once overdue); null when met or without a target. */
export function toSlaClockDto(clock: SlaSummary, now: Date = new Date()): SlaClockDto {
  const remainingMs =
    clock.state === 'met' || clock.targetMs === null
      ? null
      : remainingBusinessTime({ startedAt: clock.startedAt, pauses: clock.pauses, carriedOverMs: clock.carriedOverMs }, clock.targetMs, now, clock.calendar);
  return { kind: clock.kind, dueAt: clock.dueAt?.toISOString() ?? null, state: clock.state, remainingMs };
}

export function toTicketPageDto(page: { tickets: TicketRecord[]; nextCursor: string | null }, viewOf: (ticket: TicketRecord) => TicketViewShown = () => 'full'): TicketPageDto {
  const now = new Date();
  return { items: page.tickets.map((ticket) => toTicketDto(ticket, now, viewOf(ticket))), nextCursor: page.nextCursor };
}

/**
 * HTML was sanitised at ingest; it is sanitised again here in case a stored body predates a fix,
 * and without any image unless `images` (a ticket of an unrestricted queue): a restricted queue's
 * HTML never shows a `cid:` or `data:` image, and an article answered without its ticket (a
 * collision's new articles) shows none either.
 */
export function toArticleDto(article: ArticleRecord, attachments: AttachmentRecord[] = [], delivery: DeliveryRecord | null = null, images = false): ArticleDto {
  return {
    id: article.id,
    direction: article.direction,
    from: article.from ? toAddressDto(article.from) : null,
    to: (article.to ?? []).map(toAddressDto),
    cc: (article.cc ?? []).map(toAddressDto),
    subject: article.subject,
    text: article.text,
    html: article.html === null ? null : sanitizeEmailHtml(article.html, { images }),
    messageId: article.messageId,
    createdAt: article.createdAt.toISOString(),
    attachments: attachments.map(toAttachmentDto),
    flagged: article.flagged,
    remoteImages: images && article.html !== null ? countRemoteImages(article.html) : 0,
    systemNote: article.systemNote,
    delivery: delivery ? toDeliveryDto(delivery) : null,
    author: article.author,
  };
}

export function toDeliveryDto(delivery: DeliveryRecord): DeliveryDto {
  return {
    state: delivery.state,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    locale: delivery.locale,
    template: delivery.template,
  };
}

export function toHistoryEntryDto(entry: HistoryEntryRecord): HistoryEntryDto {
  return { at: entry.createdAt.toISOString(), kind: entry.kind, details: entry.details, articleId: entry.articleId, actorId: entry.actorId };
}

export function toAttachmentDto(attachment: AttachmentRecord): AttachmentDto {
  return {
    id: attachment.id,
    filename: attachment.filename,
    contentType: effectiveContentType(attachment.declaredContentType, attachment.sniffedContentType),
    declaredContentType: attachment.declaredContentType,
    sniffedContentType: attachment.sniffedContentType,
    size: attachment.size,
    sha256: attachment.sha256,
    md5: attachment.md5,
    media: isVisualMedia(attachment.declaredContentType, attachment.sniffedContentType),
    blocked: attachment.blocked,
    inline: attachment.inline,
    stored: attachment.stored,
    omittedReason: attachment.omittedReason,
  };
}

export function toTicketDetailDto(
  detail: { ticket: TicketRecord; restricted?: boolean; articles: ArticleRecord[]; attachments?: AttachmentRecord[]; history?: HistoryEntryRecord[]; deliveries?: Map<string, DeliveryRecord>; viewers?: ViewerRecord[] },
  view: TicketViewShown = 'full',
): TicketDetailDto {
  const viewers = (detail.viewers ?? []).map(toViewerDto);
  // Unknown counts as restricted: images are shown only where the queue is known to be open.
  const mediaWithheld = detail.restricted ?? true;
  if (view === 'metadata') return { ...toTicketDto(detail.ticket, new Date(), view), mediaWithheld, articles: [], history: [], viewers };
  const byArticle = new Map<string, AttachmentRecord[]>();
  for (const attachment of detail.attachments ?? []) byArticle.set(attachment.articleId, [...(byArticle.get(attachment.articleId) ?? []), attachment]);
  return {
    ...toTicketDto(detail.ticket),
    mediaWithheld,
    // An article with a blocked attachment shows no image either, whatever its queue.
    articles: detail.articles.map((article) => {
      const attachments = byArticle.get(article.id) ?? [];
      return toArticleDto(article, attachments, detail.deliveries?.get(article.id) ?? null, !mediaWithheld && !attachments.some((a) => a.blocked));
    }),
    history: (detail.history ?? []).map(toHistoryEntryDto),
    viewers,
  };
}
