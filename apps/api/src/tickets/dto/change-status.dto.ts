import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TICKET_STATUSES, type TicketStatus } from '@casework/domain';

export class ChangeStatusDto {
  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  status!: TicketStatus;
}
