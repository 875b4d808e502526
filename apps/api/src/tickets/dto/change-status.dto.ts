import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@casework/domain';

/** A status, a priority, an assignee or any of them; a body with none is refused naming `status`. */
export class ChangeStatusDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @ValidateIf((body: ChangeStatusDto) => body.status !== undefined || (body.priority === undefined && body.assigneeId === undefined))
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: '`emergency` pages whoever is on call' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Who holds the ticket (they need write access to its queue); null unassigns' })
  @ValidateIf((body: ChangeStatusDto) => body.assigneeId !== undefined && body.assigneeId !== null)
  @IsUUID()
  assigneeId?: string | null;
}
