import { ApiProperty } from '@nestjs/swagger';

export class QueueDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'safety' })
  slug!: string;

  @ApiProperty({ example: 'Safety' })
  name!: string;

  @ApiProperty({ example: 'safety@example.org', description: 'The address mail to this queue is sent to and replies come from' })
  address!: string;
}

export class QueueListDto {
  @ApiProperty({ type: () => [QueueDto] })
  items!: QueueDto[];
}
