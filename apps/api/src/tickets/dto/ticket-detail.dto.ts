import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATES, type DeliveryState } from '@casework/domain';
import { AddressDto, TicketDto } from './ticket.dto.js';

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

  @ApiProperty({ type: () => DeliveryDto, nullable: true, description: 'For mail we send: its delivery state; null for inbound mail and notes' })
  delivery!: DeliveryDto | null;
}

export class TicketDetailDto extends TicketDto {
  @ApiProperty({ type: () => [ArticleDto], description: 'Oldest first' })
  articles!: ArticleDto[];
}
