import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListDeadLettersQueryDto extends PageQueryDto {}

export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'template-reply_casework_ticket_opened', description: 'The durable consumer that gave up' })
  consumer!: string;

  @ApiProperty({ example: 'casework.ticket.opened' })
  subject!: string;

  @ApiProperty({ type: 'integer', description: 'Sequence of the message in the CASEWORK stream' })
  streamSeq!: number;

  @ApiProperty({ type: String, nullable: true, description: 'The envelope id, when the envelope could be read' })
  eventId!: string | null;

  @ApiProperty({ type: Object, nullable: true, description: 'The event envelope as delivered (null when it was not JSON)' })
  envelope!: unknown;

  @ApiProperty({ example: 'handler failed on all 10 deliveries: Error: …' })
  error!: string;

  @ApiProperty({ type: 'integer' })
  deliveries!: number;

  @ApiProperty({ format: 'date-time' })
  deadAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was last re-driven' })
  redrivenAt!: string | null;
}

export class DeadLetterPageDto {
  @ApiProperty({ type: () => [DeadLetterDto], description: 'Newest first' })
  items!: DeadLetterDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class RedriveAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  redrivenAt!: string;
}
