import { ApiProperty } from '@nestjs/swagger';
import { TicketDto } from '../../tickets/dto/ticket.dto.js';

export class SearchArticleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['inbound', 'outbound', 'note'] })
  direction!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class SearchHitDto {
  @ApiProperty({ type: () => TicketDto })
  ticket!: TicketDto;

  @ApiProperty({ type: () => SearchArticleDto, nullable: true, description: 'The matching article; null when the subject matched best' })
  article!: SearchArticleDto | null;

  @ApiProperty({ description: 'HTML: the text escaped, the matched words in <mark>…</mark>', example: '… he said he would <mark>threaten</mark> the …' })
  snippet!: string;
}

export class SearchPageDto {
  @ApiProperty({ type: () => [SearchHitDto], description: 'Best match first, one per ticket' })
  items!: SearchHitDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
