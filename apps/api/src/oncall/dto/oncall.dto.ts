import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateOncallShiftDto {
  @ApiProperty({ example: 'Olga Oncall' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'olga@example.org' })
  @IsEmail({ require_tld: false })
  email!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'Must be after `from`' })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ type: [String], description: 'Queue slugs; empty or omitted = every queue' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true })
  queues?: string[];
}

export class OncallShiftDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [String] }) queues!: string[];
}

export class OncallShiftListDto {
  @ApiProperty({ type: [OncallShiftDto] }) items!: OncallShiftDto[];
}

export class OncallNowQueryDto {
  @ApiPropertyOptional({ description: 'Queue slug; omitted = every shift running now' })
  @IsOptional() @IsString() @MaxLength(200)
  queue?: string;
}

export class PageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty() target!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ enum: ['open', 'acked', 'escalated'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true }) ackedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true }) escalateAt!: string | null;
}
