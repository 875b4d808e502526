import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { TRIAGE_CATEGORIES, type TriageCategory } from '@casework/domain';

export class DismissTriageDto {
  @ApiProperty({ enum: TRIAGE_CATEGORIES })
  @IsIn(TRIAGE_CATEGORIES)
  category!: TriageCategory;

  @ApiProperty({ maxLength: 500, example: 'a film quote, not a threat' })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be empty' })
  reason!: string;
}

export class TriageStatsRowDto {
  @ApiProperty({ enum: TRIAGE_CATEGORIES })
  category!: string;

  @ApiProperty({ example: 'es' })
  language!: string;

  @ApiProperty({ type: 'integer', description: 'Tickets triage raised this category on (level ≥ 1)' })
  raised!: number;

  @ApiProperty({ type: 'integer', description: 'Of those, at level 2 (paged)' })
  paged!: number;

  @ApiProperty({ type: 'integer', description: 'Of those, dismissed by a specialist as false positives' })
  dismissed!: number;
}

export class TriageStatsDto {
  @ApiProperty({ type: () => [TriageStatsRowDto] })
  items!: TriageStatsRowDto[];
}
