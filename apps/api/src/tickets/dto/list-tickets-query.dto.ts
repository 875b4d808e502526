import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TICKET_SORTS, type TicketSort } from '@casework/database';
import { MAX_TAG_LENGTH, TAG_PATTERN, TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@casework/domain';
import { PageQueryDto } from '../../common/page-query.dto.js';

const UUID_OR_ME_OR_NONE = /^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export class ListTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ description: 'Queue slug', example: 'safety' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;

  @ApiPropertyOptional({ description: '`me`, `none` (unassigned) or a user id' })
  @IsOptional()
  @Matches(UUID_OR_ME_OR_NONE, { message: 'assignee must be me, none or a user id' })
  assignee?: string;

  @ApiPropertyOptional({ example: 'harassment' })
  @IsOptional()
  @MaxLength(MAX_TAG_LENGTH)
  @Matches(TAG_PATTERN, { message: 'tag must be a lower-case slug' })
  tag?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ description: "The requester's e-mail address" })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  requester?: string;

  @ApiPropertyOptional({ description: 'Only tickets with a breached SLA clock', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  breached?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdTo?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updatedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updatedTo?: string;

  @ApiPropertyOptional({ enum: TICKET_SORTS, default: 'created', description: 'created and updated: newest first; due: the soonest SLA due time first' })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSort;
}
