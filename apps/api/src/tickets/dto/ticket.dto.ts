import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@casework/domain';

export class AddressDto {
  @ApiProperty({ example: 'reporter@example.org' })
  email!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Rita Reporter' })
  name!: string | null;
}

/** A user as a ticket names them: who holds it, who wrote a note or a reply. */
export class UserRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;
}

export class QueueRefDto {
  @ApiProperty({ example: 'safety' })
  slug!: string;

  @ApiProperty({ example: 'Safety' })
  name!: string;
}

export class SlaClockDto {
  @ApiProperty({ example: 'first_response' })
  kind!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null while the clock is paused (ticket pending)' })
  dueAt!: string | null;

  @ApiProperty({ enum: ['running', 'met', 'breached'] })
  state!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "Business time left until the target (in the policy's calendar), negative once overdue; null when met",
  })
  remainingMs!: number | null;
}

export class TriageCategoryDto {
  @ApiProperty({ enum: ['threat', 'self_harm', 'child_safety', 'doxxing'], example: 'threat' })
  category!: string;

  @ApiProperty({ enum: [1, 2], description: '1: raise (priority at least high); 2: page (emergency)' })
  level!: number;

  @ApiProperty({ type: String, nullable: true, example: 'es' })
  language!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The matched phrase (at most 120 characters); null for a caller who sees only metadata' })
  evidence!: string | null;

  @ApiProperty({ description: 'A specialist dismissed it as a false positive (POST /tickets/:id/triage/dismiss); the level and priority stay as raised' })
  dismissed!: boolean;
}

export class TriageDto {
  @ApiProperty({ enum: [0, 1, 2], description: '0: nothing found; 1: raised; 2: paged' })
  level!: number;

  @ApiProperty({ type: () => [TriageCategoryDto] })
  categories!: TriageCategoryDto[];
}

export class MergedIntoDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '100001' })
  number!: string;
}

export class LinkedTicketDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '100008' })
  number!: string;

  @ApiProperty({
    enum: ['ticket_closed', 'reopen_window_passed', 'unknown_sender'],
    description: 'Why this ticket continues that one: it was closed, resolved longer ago than its queue reopens, or the writer was not one of its participants',
  })
  reason!: string;
}

export class SpamDto {
  @ApiProperty({ type: [String], example: ['X-Spam-Flag: YES'], description: 'What filed it as spam' })
  signals!: string[];

  @ApiProperty({ type: () => QueueRefDto, nullable: true, description: 'Where POST /tickets/{id}/not-spam moves it' })
  intendedQueue!: QueueRefDto | null;
}

export class TicketArticleCountsDto {
  @ApiProperty({ type: 'integer' })
  inbound!: number;

  @ApiProperty({ type: 'integer' })
  outbound!: number;

  @ApiProperty({ type: 'integer' })
  notes!: number;
}

export class TombstoneDto {
  @ApiProperty({ enum: ['retention', 'deletion', 'erasure'], description: 'What removed the content' })
  reason!: string;

  @ApiProperty({ type: () => TicketArticleCountsDto })
  articles!: TicketArticleCountsDto;

  @ApiProperty({ type: 'integer' })
  attachments!: number;

  @ApiProperty({ type: [String], description: 'SHA-256 of each raw message received, oldest first' })
  rawMessageSha256!: string[];

  @ApiProperty({ type: [String], description: 'SHA-256 of each attachment, in article order' })
  attachmentSha256!: string[];
}

export class TicketDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '100009', description: 'Human-facing number, as in the [#number] subject tag' })
  number!: string;

  @ApiProperty({ nullable: true, type: String, description: 'null for a caller who sees only metadata (ops on an unrestricted queue)' })
  subject!: string | null;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatus;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  priority!: TicketPriority;

  @ApiProperty({ type: () => QueueRefDto })
  queue!: QueueRefDto;

  @ApiProperty({ type: () => AddressDto, nullable: true, description: 'null for a caller who sees only metadata' })
  requester!: AddressDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: () => [SlaClockDto] })
  sla!: SlaClockDto[];

  @ApiProperty({ type: String, nullable: true, example: 'en', description: 'ISO 639-1 language of its mail; null when unknown' })
  language!: string | null;

  @ApiProperty({ type: () => TriageDto })
  triage!: TriageDto;

  @ApiProperty({ type: [String], example: ['triage:threat'] })
  tags!: string[];

  @ApiProperty({ type: () => LinkedTicketDto, nullable: true, description: 'The earlier ticket this one continues' })
  linkedTicket!: LinkedTicketDto | null;

  @ApiProperty({ type: () => SpamDto, nullable: true, description: 'Set while the ticket is in the spam queue' })
  spam!: SpamDto | null;

  @ApiProperty({ type: () => UserRefDto, nullable: true, description: 'Who holds the ticket' })
  assignee!: UserRefDto | null;
  @ApiPropertyOptional({ type: () => MergedIntoDto, nullable: true, description: 'The ticket this one was merged into (its later mail lands there); on the ticket itself and the merge answer, not in lists' })
  mergedInto?: MergedIntoDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when the content was removed (retention, deletion, erasure): only this tombstone is left' })
  purgedAt!: string | null;

  @ApiProperty({ type: () => TombstoneDto, nullable: true, description: 'What the removed ticket held: counts and hashes' })
  tombstone!: TombstoneDto | null;
}

export class TicketPageDto {
  @ApiProperty({ type: () => [TicketDto], description: 'Newest first' })
  items!: TicketDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' })
  nextCursor!: string | null;
}
