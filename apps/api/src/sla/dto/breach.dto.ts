import { ApiProperty } from '@nestjs/swagger';

export class BreachDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: 'first_response' })
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ format: 'date-time' })
  breachedAt!: string;

  @ApiProperty({ format: 'uuid' })
  clockId!: string;

  @ApiProperty({ example: '100009' })
  ticketNumber!: string;

  @ApiProperty({ format: 'uuid' })
  queueId!: string;
}

export class BreachListDto {
  @ApiProperty({ type: () => [BreachDto], description: 'Newest breach first' })
  items!: BreachDto[];
}
