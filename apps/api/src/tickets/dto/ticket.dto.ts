import { ApiProperty } from '@nestjs/swagger';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@casework/domain';

export class AddressDto {
  @ApiProperty({ example: 'reporter@example.org' })
  email!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Rita Reporter' })
  name!: string | null;
}

export class QueueRefDto {
  @ApiProperty({ example: 'safety' })
  slug!: string;

  @ApiProperty({ example: 'Safety' })
  name!: string;
}

export class SlaClockDto {
  @ApiProperty({ example: 'first_response' })
  kind!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null while the clock is paused (ticket pending)' })
  dueAt!: string | null;

  @ApiProperty({ enum: ['running', 'met', 'breached'] })
  state!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "Business time left until the target (in the policy's calendar), negative once overdue; null when met",
  })
  remainingMs!: number | null;
}

export class TicketDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '100009', description: 'Human-facing number, as in the [#number] subject tag' })
  number!: string;

  @ApiProperty({ nullable: true, type: String, description: 'null for a caller who sees only metadata (ops on an unrestricted queue)' })
  subject!: string | null;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatus;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  priority!: TicketPriority;

  @ApiProperty({ type: () => QueueRefDto })
  queue!: QueueRefDto;

  @ApiProperty({ type: () => AddressDto, nullable: true, description: 'null for a caller who sees only metadata' })
  requester!: AddressDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: () => [SlaClockDto] })
  sla!: SlaClockDto[];
}

export class TicketPageDto {
  @ApiProperty({ type: () => [TicketDto], description: 'Newest first' })
  items!: TicketDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' })
  nextCursor!: string | null;
}
