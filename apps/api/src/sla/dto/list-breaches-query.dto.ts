import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SLA_KINDS } from '@casework/domain';

export const DEFAULT_BREACH_LIMIT = 100;

export class ListBreachesQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: DEFAULT_BREACH_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Queue slug or id', example: 'safety' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;

  @ApiPropertyOptional({ enum: SLA_KINDS })
  @IsOptional()
  @IsIn(SLA_KINDS)
  kind?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Breached at or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO 8601 date-time' })
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Breached before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO 8601 date-time' })
  until?: Date;
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export const WITHIN_PATTERN = /^(\d{1,6})([smhd])$/;

/** "30m" → 1 800 000. */
export function durationMs(value: string): number {
  const [, amount, unit] = WITHIN_PATTERN.exec(value)!;
  return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
}

export class AtRiskQueryDto {
  @ApiPropertyOptional({ description: 'Window ahead: a number with s, m, h or d', example: '30m', default: '30m' })
  @IsOptional()
  @IsString()
  @Matches(WITHIN_PATTERN, { message: 'must be a duration such as 90s, 30m, 4h or 2d' })
  within?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: DEFAULT_BREACH_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
