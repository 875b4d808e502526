import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { IfPresent } from '../../common/if-present.js';
import { GRANT_LEVELS, SYSTEM_QUEUE_ROLES, TEMPLATE_LOCALES, UNKNOWN_SENDER_FOLLOWUPS, type GrantLevel, type SystemQueueRole, type UnknownSenderFollowup } from '@casework/domain';
import { IsTimeZone } from '../../users/dto/profile.validators.js';

/** Most addresses one queue's ops list may hold. */
export const MAX_OPS_EMAILS = 50;
/** Most further addresses one queue may receive mail at. */
export const MAX_QUEUE_ADDRESSES = 50;

/** The routing fields a queue is created or changed with; only the fields given are set. */
export class QueueRoutingFieldsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['report@example.org', 'abuse@example.org'],
    maxItems: MAX_QUEUE_ADDRESSES,
    description: `Further addresses the queue receives mail at (at most ${MAX_QUEUE_ADDRESSES}), besides \`address\`; replaces the list`,
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_QUEUE_ADDRESSES)
  @IsEmail({ require_tld: false }, { each: true, message: 'addresses must be email addresses' })
  @MaxLength(320, { each: true })
  addresses?: string[];

  @ApiPropertyOptional({ enum: UNKNOWN_SENDER_FOLLOWUPS, description: 'A follow-up from someone who is not a participant: attached flagged, or a new linked ticket' })
  @IfPresent()
  @IsIn(UNKNOWN_SENDER_FOLLOWUPS, { message: `unknownSenderFollowup must be one of ${UNKNOWN_SENDER_FOLLOWUPS.join(', ')}` })
  unknownSenderFollowup?: UnknownSenderFollowup;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: 'A reply to a ticket resolved longer ago than this opens a new linked ticket instead of reopening it' })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(3650)
  reopenWindowDays?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 5, description: 'An X-Spam-Score above it files new mail as spam; null: the score is not looked at' })
  @ValidateIf((_dto, value) => value !== undefined && value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1000)
  @Max(1000)
  spamScoreThreshold?: number | null;
}

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

  @ApiProperty({ description: 'Need-to-know: only users with a grant see its tickets, whatever their role' })
  restricted!: boolean;

  @ApiProperty({ type: [String], example: ['abuse@example.org'], description: 'Further addresses it receives mail at, besides `address`' })
  addresses!: string[];

  @ApiProperty({ enum: SYSTEM_QUEUE_ROLES, nullable: true, description: 'A queue routing files mail into by itself (spam, postmaster), never by address; null for the others' })
  role!: SystemQueueRole | null;

  @ApiProperty({ enum: UNKNOWN_SENDER_FOLLOWUPS })
  unknownSenderFollowup!: UnknownSenderFollowup;

  @ApiProperty({ example: 30 })
  reopenWindowDays!: number;

  @ApiProperty({ type: Number, nullable: true, example: 5 })
  spamScoreThreshold!: number | null;

  @ApiProperty({ type: String, nullable: true, enum: TEMPLATE_LOCALES, description: "Language of its mail when the ticket's is unknown; null: English" })
  defaultLocale!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Europe/Berlin', description: 'IANA zone dates in its mail to stakeholders are written in; null: UTC' })
  timeZone!: string | null;

  @ApiProperty({ description: 'An emergency address: its acknowledgement says where to turn in immediate danger' })
  emergency!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 36500, example: 365, description: 'Closed tickets are purged (reduced to their tombstone) this many days after closing, unless held; null: kept' })
  retentionDays!: number | null;

  @ApiProperty({ description: 'Round-robin on open: a new ticket goes to the least-loaded user on shift with write access' })
  autoAssign!: boolean;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, description: 'Round-robin skips whoever already holds this many of the queue’s open tickets' })
  maxOpenPerAssignee!: number;
}

/** The queue fields that shape the mail it sends (and its routing), for creation and change alike. */
class QueueMailSettingsDto extends QueueRoutingFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, enum: TEMPLATE_LOCALES })
  @IsOptional()
  @IsIn(TEMPLATE_LOCALES, { message: `defaultLocale must be one of ${TEMPLATE_LOCALES.join(', ')}` })
  defaultLocale?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Europe/Berlin' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  emergency?: boolean;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 36500, description: 'Days a closed ticket is kept before retention purges it; null: kept' })
  @ValidateIf((_dto, value) => value !== undefined && value !== null)
  @IsInt()
  @Min(1)
  @Max(36500)
  retentionDays?: number | null;

  @ApiPropertyOptional({ default: false, description: 'Round-robin on open among users on shift with write access' })
  @IfPresent()
  @IsBoolean()
  autoAssign?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 10 })
  @IfPresent()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxOpenPerAssignee?: number;
}

export class QueueListDto {
  @ApiProperty({ type: () => [QueueDto] })
  items!: QueueDto[];
}

export class CreateQueueDto extends QueueMailSettingsDto {
  @ApiProperty({ example: 'child-protection', description: 'Lower-case letters, digits and dashes' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'slug must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit' })
  slug!: string;

  @ApiProperty({ example: 'Child protection' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'child-safety@example.org' })
  @IsEmail({ require_tld: false }, { message: 'address must be an email address' })
  @MaxLength(320)
  address!: string;

  @ApiPropertyOptional({ default: false })
  @IfPresent()
  @IsBoolean()
  restricted?: boolean;
}

/** Only the fields given change (`defaultLocale` / `timeZone` null clears them). */
export class UpdateQueueDto extends QueueMailSettingsDto {
  @ApiPropertyOptional({ example: 'Child protection' })
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'child-safety@example.org' })
  @IfPresent()
  @IsEmail({ require_tld: false }, { message: 'address must be an email address' })
  @MaxLength(320)
  address?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['ops@example.org', 'trust-leads@example.org'],
    maxItems: MAX_OPS_EMAILS,
    description: `Replaces the ops list (at most ${MAX_OPS_EMAILS} addresses; an address given twice is kept once); [] = notices go to OPS_EMAIL`,
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(MAX_OPS_EMAILS)
  @IsEmail({ require_tld: false }, { each: true })
  @MaxLength(320, { each: true })
  opsEmails?: string[];
}

/** One user's access to a restricted (or any) queue. */
export class QueueGrantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;

  @ApiProperty({ enum: GRANT_LEVELS, description: 'read: see the tickets; write: also reply, note, change status, priority, assignment' })
  @IsIn(GRANT_LEVELS, { message: `level must be one of ${GRANT_LEVELS.join(', ')}` })
  level!: GrantLevel;
}

/** The whole grant list of a queue: PUT replaces it. */
export class QueueAccessDto {
  @ApiProperty({ type: () => [QueueGrantDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => QueueGrantDto)
  grants!: QueueGrantDto[];
}

export class QueueCountDto {
  @ApiProperty({ format: 'uuid' })
  queueId!: string;

  @ApiProperty({ description: 'Tickets with status open' })
  open!: number;

  @ApiProperty({ description: 'Tickets open or pending whose SLA clock breached and is still unmet' })
  breached!: number;
}

export class QueueCountsDto {
  @ApiProperty({ type: () => [QueueCountDto], description: 'Queues whose tickets the caller sees (their metadata at least); a queue with none counted is absent' })
  items!: QueueCountDto[];
}
