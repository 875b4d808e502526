import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class PlaceHoldDto {
  @ApiProperty({ maxLength: 1000, example: 'Preservation request from the district police, case 2026-4471' })
  @IsString()
  @MaxLength(1000)
  @Matches(/\S/, { message: 'reason must not be empty' })
  reason!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The hold lapses then by itself; absent: until released' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

export class ListHoldsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Holds protecting this ticket: its own and its requester's" })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Holds protecting this person: on them and on their tickets" })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Also released and expired holds' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}

export class LegalHoldDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['ticket', 'contact'], description: "contact: every ticket the person is the requester of, present and future" })
  scope!: 'ticket' | 'contact';

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  ticketId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  contactId!: string | null;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  until!: string | null;

  @ApiProperty({ description: 'Not released and not past until' })
  active!: boolean;

  @ApiProperty({ format: 'uuid' })
  createdById!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  releasedAt!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  releasedById!: string | null;
}

export class LegalHoldListDto {
  @ApiProperty({ type: () => [LegalHoldDto], description: 'Newest first, at most 1000' })
  items!: LegalHoldDto[];
}
