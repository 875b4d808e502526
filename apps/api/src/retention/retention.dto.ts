import { ApiProperty } from '@nestjs/swagger';

export class ErasureDto {
  @ApiProperty({ format: 'uuid' })
  contactId!: string;

  @ApiProperty({ format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({ type: 'integer', description: 'Tickets they were the requester of, now tombstones' })
  tickets!: number;

  @ApiProperty({ type: 'integer', description: "Their mail on other people's tickets, emptied" })
  articles!: number;

  @ApiProperty({ type: 'integer', description: 'To/Cc entries naming them, replaced by the pseudonym' })
  mentions!: number;

  @ApiProperty({ type: 'integer', description: 'Outbound mail to them on other tickets, emptied and readdressed' })
  outbound!: number;

  @ApiProperty({ type: 'integer' })
  rawMessages!: number;

  @ApiProperty({ type: 'integer' })
  attachments!: number;
}

export class RetentionQueueForecastDto {
  @ApiProperty({ format: 'uuid' })
  queueId!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty({ type: 'integer' })
  retentionDays!: number;

  @ApiProperty({ type: 'integer', description: 'Closed longer than retentionDays and not held: the purge takes these' })
  due!: number;

  @ApiProperty({ type: 'integer', description: 'Due, but kept by a legal hold' })
  held!: number;
}

export class RetentionTicketForecastDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty({ format: 'uuid' })
  queueId!: string;

  @ApiProperty({ format: 'date-time' })
  closedAt!: string;
}

export class RetentionForecastDto {
  @ApiProperty({ format: 'date-time', description: 'The moment the forecast is for (now)' })
  asOf!: string;

  @ApiProperty({ type: () => [RetentionQueueForecastDto], description: 'Every queue with a retention, by slug' })
  queues!: RetentionQueueForecastDto[];

  @ApiProperty({ type: () => [RetentionTicketForecastDto], description: 'The due tickets, oldest closure first, at most 1000' })
  tickets!: RetentionTicketForecastDto[];
}
