import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TICKET_STATUSES, type TicketStatus } from '@casework/domain';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ description: 'Queue slug', example: 'safety' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;
}
