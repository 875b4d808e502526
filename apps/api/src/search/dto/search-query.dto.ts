import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TICKET_STATUSES, type TicketStatus } from '@casework/domain';
import { PageQueryDto } from '../../common/page-query.dto.js';

export const MAX_SEARCH_QUERY_LENGTH = 500;

export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({
    description: 'Words (stemmed per language; Chinese and Hindi by character pairs), "quoted phrases", -word to exclude, from:<email>, tag:<slug>',
    example: 'threaten -spam tag:doxxing',
    maxLength: MAX_SEARCH_QUERY_LENGTH,
  })
  @IsDefined({ message: 'q is required' })
  @IsString()
  @Matches(/\S/, { message: 'q must not be empty' })
  @MaxLength(MAX_SEARCH_QUERY_LENGTH)
  q!: string;

  @ApiPropertyOptional({ description: 'Queue slug', example: 'safety' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;
}
