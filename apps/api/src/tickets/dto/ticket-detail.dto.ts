import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATES, type DeliveryState } from '@casework/domain';
import { AddressDto, TicketDto, UserRefDto } from './ticket.dto.js';
import { ViewerDto } from '../../live/dto/viewer.dto.js';

export const ARTICLE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;

export class AttachmentDto {
  @ApiProperty({ format: 'uuid', description: 'Download: GET /tickets/{ticketId}/attachments/{id}' })
  id!: string;

  @ApiProperty({ example: 'screenshot.png', description: 'Sanitised: no path, no control or bidi characters, at most 255 bytes' })
  filename!: string;

  @ApiProperty({ example: 'image/png', description: 'What the content is: the sniffed type, else the declared one. Display only' })
  contentType!: string;

  @ApiProperty({ example: 'image/png', description: "The sender's claim, from the MIME part" })
  declaredContentType!: string;

  @ApiProperty({ type: String, nullable: true, example: 'image/png', description: 'From the bytes; null when they match no known format' })
  sniffedContentType!: string | null;

  @ApiProperty({ description: 'Bytes' })
  size!: number;

  @ApiProperty({ description: 'Hex SHA-256 of the content' })
  sha256!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Hex MD5 of the content (null for mail stored before MD5s were kept, without its bytes)' })
  md5!: string | null;

  @ApiProperty({ description: 'An image or a video, by the declared or the sniffed type: in a restricted queue never shown, only listed and downloaded on request' })
  media!: boolean;

  @ApiProperty({ description: 'On a hash list of known abuse material: kept as evidence, never shown; the download answers 403 AttachmentBlocked except to an admin giving ?reason=' })
  blocked!: boolean;

  @ApiProperty({ description: 'Shown inside the body (a cid: image) rather than listed' })
  inline!: boolean;

  @ApiProperty({ description: 'False when the bytes were not kept (over the size limit): the download then answers 410' })
  stored!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'over the 25 MB attachment limit' })
  omittedReason!: string | null;
}

export class DeliveryTemplateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'acknowledgement' })
  key!: string;

  @ApiProperty({ description: 'The version the mail was rendered from' })
  version!: number;
}

/** Where an outgoing mail is: queued → sending → sent | failed. */
export class DeliveryDto {
  @ApiProperty({ enum: DELIVERY_STATES })
  state!: DeliveryState;

  @ApiProperty({ description: 'SMTP attempts so far (a resend after a crash counts)' })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, example: '421 4.7.0 Try again later', description: "The last attempt's error (or, once sent, recipients the server refused)" })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next attempt is due, while queued' })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'es' })
  locale!: string | null;

  @ApiProperty({ type: () => DeliveryTemplateDto, nullable: true, description: 'The template version it was rendered from; null for a text sent as written' })
  template!: DeliveryTemplateDto | null;
}

export class ArticleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ARTICLE_DIRECTIONS })
  direction!: (typeof ARTICLE_DIRECTIONS)[number];

  @ApiProperty({ type: () => AddressDto, nullable: true })
  from!: AddressDto | null;

  @ApiProperty({ type: () => [AddressDto] })
  to!: AddressDto[];

  @ApiProperty({ type: () => [AddressDto] })
  cc!: AddressDto[];

  @ApiProperty()
  subject!: string;

  @ApiProperty({ description: 'Plain-text body' })
  text!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Sanitised HTML body, when the mail had one' })
  html!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Message-ID without angle brackets' })
  messageId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: () => [AttachmentDto], description: 'In the order of the mail' })
  attachments!: AttachmentDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['unknown_sender'],
    description: "`unknown_sender`: a follow-up from someone who is not a participant of the ticket; never the requester's, it changed nothing",
  })
  flagged!: 'unknown_sender' | null;

  @ApiProperty({ description: 'Remote (https) images in its HTML, withheld: none loads unless a reader asks (GET /tickets/:id/articles/:articleId/html); always 0 in a restricted queue' })
  remoteImages!: number;

  @ApiProperty({ type: String, nullable: true, enum: ['bounce', 'auto_reply'], description: 'A bounce or auto-reply about our mail, kept as a system note' })
  systemNote!: 'bounce' | 'auto_reply' | null;

  @ApiProperty({ type: () => DeliveryDto, nullable: true, description: 'For mail we send: its delivery state; null for inbound mail and notes' })
  delivery!: DeliveryDto | null;

  @ApiProperty({ type: () => UserRefDto, nullable: true, description: 'Who wrote a note or a reply; null for mail and automatic answers' })
  author!: UserRefDto | null;
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'unknown_sender_flagged', description: 'queue_chosen, rule_applied, triage_raised, filed_as_spam, spam_overruled_by_triage, unknown_sender_flagged, reopened, continues_ticket, continued_by_ticket, bounce_attached, auto_reply_noted, sent_to_postmaster, released_from_spam' })
  kind!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { sender: 'someone@example.org' } })
  details!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The article the step was about' })
  articleId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who did it; null: routing' })
  actorId!: string | null;
}

export class TicketDetailDto extends TicketDto {
  @ApiProperty({ description: "The ticket's queue is restricted: its articles' HTML carries no image (cid: and data: ones dropped), and no image or video is shown — attachments are a list with an explicit download" })
  mediaWithheld!: boolean;

  @ApiProperty({ type: () => [ArticleDto], description: 'Oldest first' })
  articles!: ArticleDto[];

  @ApiProperty({ type: () => [HistoryEntryDto], description: 'What routing (or a user) decided about it, oldest first; empty for a caller who sees only metadata' })
  history!: HistoryEntryDto[];

  @ApiProperty({ type: () => [ViewerDto], description: 'Who is viewing or replying now (presence heartbeats not yet expired), longest present first' })
  viewers!: ViewerDto[];
}

export class ArticleHtmlDto {
  @ApiProperty({ format: 'uuid' })
  articleId!: string;

  @ApiProperty({ description: "The article's sanitized HTML with its remote images' https addresses as sources" })
  html!: string;
}
