import { ApiProperty } from '@nestjs/swagger';

export class HistoryActorDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Sam Specialist' })
  name!: string;

  @ApiProperty({ example: 'sam@casework.test' })
  email!: string;
}

export class HistoryItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'status_changed',
    description:
      "routing's steps (queue_chosen, rule_applied, triage_raised, filed_as_spam, reopened, continues_ticket, …) and the team's changes: status_changed, priority_changed, released_from_spam, merged_into, merged_from, split_to, split_from",
  })
  kind!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { from: 'open', to: 'pending' }, description: 'Null for a caller who sees only metadata, unless the kind carries no content (status, priority, merge and split steps)' })
  details!: Record<string, unknown> | null;

  @ApiProperty({ type: () => HistoryActorDto, nullable: true, description: 'Who did it; null: routing' })
  actor!: HistoryActorDto | null;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class TicketHistoryDto {
  @ApiProperty({ type: () => [HistoryItemDto], description: 'Every state change, oldest first (newest last)' })
  items!: HistoryItemDto[];
}
