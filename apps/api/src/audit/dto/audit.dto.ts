import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'ticketId must be a ticket id' })
  ticketId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'ticket.read' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action must look like thing.what_happened, e.g. ticket.read' })
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or after' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 date-time' })
  since?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Strictly before' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'until must be an ISO 8601 date-time' })
  until?: Date;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  id!: string | null;

  @ApiProperty({ nullable: true, type: String })
  email!: string | null;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: () => AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ example: 'ticket.read' })
  action!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The ticket, when the event concerns exactly one' })
  ticketId!: string | null;

  @ApiProperty({ type: [String] })
  ticketIds!: string[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  queueId!: string | null;

  @ApiProperty({ example: 'ticket:…' })
  subject!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String })
  ip!: string | null;

  @ApiProperty({ nullable: true, type: String })
  userAgent!: string | null;

  @ApiProperty({ nullable: true, type: String })
  requestId!: string | null;

  @ApiProperty()
  prevHash!: string;

  @ApiProperty()
  hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: () => [AuditEventDto] })
  items!: AuditEventDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class AuditVerdictDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Events checked' })
  checked!: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The first event whose link or hash does not hold' })
  firstBrokenId!: string | null;
}
