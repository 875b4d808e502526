import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, MaxLength, ValidateIf } from 'class-validator';

/** Most addresses one queue's ops list may hold. */
export const MAX_OPS_EMAILS = 50;

export class QueueDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'safety' })
  slug!: string;

  @ApiProperty({ example: 'Safety' })
  name!: string;

  @ApiProperty({ example: 'safety@example.org', description: 'The address mail to this queue is sent to and replies come from' })
  address!: string;

  @ApiProperty({
    type: [String],
    example: ['ops@example.org'],
    description: "Where the queue's SLA warnings, breaches and pages nobody on call took are emailed; empty = the notification service's OPS_EMAIL",
  })
  opsEmails!: string[];
}

export class QueueListDto {
  @ApiProperty({ type: () => [QueueDto] })
  items!: QueueDto[];
}

/** Only the fields given change. */
export class UpdateQueueDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['ops@example.org', 'trust-leads@example.org'],
    maxItems: MAX_OPS_EMAILS,
    description: `Replaces the ops list (at most ${MAX_OPS_EMAILS} addresses; an address given twice is kept once); [] = notices go to OPS_EMAIL`,
  })
  // Not @IsOptional: that would let `null` through; only an absent field is skipped.
  @ValidateIf((_dto, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_OPS_EMAILS)
  @IsEmail({ require_tld: false }, { each: true })
  @MaxLength(320, { each: true })
  opsEmails?: string[];
}
