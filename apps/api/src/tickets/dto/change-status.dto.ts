import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@casework/domain';

/** A status, a priority or both; a body with neither is refused naming `status`. */
export class ChangeStatusDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @ValidateIf((body: ChangeStatusDto) => body.status !== undefined || body.priority === undefined)
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: '`emergency` pages whoever is on call' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;
}
