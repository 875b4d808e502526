import { ApiProperty } from '@nestjs/swagger';
import { AddressDto, TicketDto } from './ticket.dto.js';

export const ARTICLE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;

export class ArticleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ARTICLE_DIRECTIONS })
  direction!: (typeof ARTICLE_DIRECTIONS)[number];

  @ApiProperty({ type: () => AddressDto, nullable: true })
  from!: AddressDto | null;

  @ApiProperty({ type: () => [AddressDto] })
  to!: AddressDto[];

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
}

export class TicketDetailDto extends TicketDto {
  @ApiProperty({ type: () => [ArticleDto], description: 'Oldest first' })
  articles!: ArticleDto[];
}
