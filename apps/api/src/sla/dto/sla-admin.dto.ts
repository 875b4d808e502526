import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A calendar as the API takes it; `definition` is checked by the domain's validateCalendar (400 names the paths). */
export class SlaCalendarInputDto {
  @ApiProperty({ example: 'Berlin office' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    description: '{ kind: "24x7" } or { kind: "business-hours", timeZone, week: { mon: [{ start: "09:00", end: "17:00" }], … }, holidays: ["YYYY-MM-DD"] }',
    example: { kind: 'business-hours', timeZone: 'Europe/Berlin', week: { mon: [{ start: '09:00', end: '17:00' }] }, holidays: ['2026-12-25'] },
  })
  @Allow()
  definition!: unknown;
}

export class SlaCalendarDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  definition!: object;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SlaCalendarListDto {
  @ApiProperty({ type: () => [SlaCalendarDto] })
  items!: SlaCalendarDto[];
}

/** A policy for queue × priority (null = any); targets in business minutes of its calendar (null = no clock). */
export class SlaPolicyInputDto {
  @ApiProperty({ example: 'Emergencies' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @Allow()
  queueId?: unknown;

  @ApiPropertyOptional({ enum: ['low', 'normal', 'high', 'emergency'], nullable: true, type: String })
  @Allow()
  priority?: unknown;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 60 })
  @Allow()
  firstResponseMinutes?: unknown;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 240 })
  @Allow()
  nextResponseMinutes?: unknown;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2880 })
  @Allow()
  resolutionMinutes?: unknown;

  @ApiPropertyOptional({ type: Number, default: 80, minimum: 0, maximum: 100 })
  @Allow()
  warnAtPercent?: unknown;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Null: 24/7' })
  @Allow()
  calendarId?: unknown;
}

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  queueId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  priority!: string | null;

  @ApiProperty({ nullable: true, type: Number })
  firstResponseMinutes!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  nextResponseMinutes!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  resolutionMinutes!: number | null;

  @ApiProperty()
  warnAtPercent!: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  calendarId!: string | null;

  @ApiProperty({ description: 'The calendar in effect' })
  calendar!: object;
}

export class SlaPolicyListDto {
  @ApiProperty({ type: () => [SlaPolicyDto] })
  items!: SlaPolicyDto[];
}

export class AtRiskClockDto {
  @ApiProperty({ format: 'uuid' })
  clockId!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty()
  ticketNumber!: string;

  @ApiProperty({ format: 'uuid' })
  queueId!: string;

  @ApiProperty({ example: 'first_response' })
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
}

export class AtRiskListDto {
  @ApiProperty({ type: () => [AtRiskClockDto], description: 'Soonest due first' })
  items!: AtRiskClockDto[];
}
