import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MAX_TAGS_PER_TICKET } from '@casework/domain';

export const MAX_NOTE_LENGTH = 100_000;

export class CreateNoteDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_NOTE_LENGTH, description: 'Internal: never mailed, never shown to the requester' })
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  @Matches(/\S/, { message: 'body must not be empty' })
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The newest article the writer saw: if another was added since, 409 TicketChanged' })
  @IsOptional()
  @IsUUID()
  ifLastArticleId?: string;
}

export class ClaimDto {
  @ApiPropertyOptional({ description: 'A lead takes over a ticket someone else holds' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class ReplaceTagsDto {
  @ApiProperty({ type: [String], maxItems: MAX_TAGS_PER_TICKET, example: ['harassment', 'doxxing'], description: 'Lower-case slugs (letters, digits, : . _ -), ≤ 50 characters each' })
  @IsArray()
  @ArrayMaxSize(MAX_TAGS_PER_TICKET * 2)
  @IsString({ each: true })
  tags!: string[];
}

export class TicketTagsDto {
  @ApiProperty({ type: [String] })
  tags!: string[];
}

export class TagCountDto {
  @ApiProperty()
  tag!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class TagCountsDto {
  @ApiProperty({ type: () => [TagCountDto], description: 'Most used first' })
  items!: TagCountDto[];
}

/** As the column allows. */
const MAX_DRAFT_CC_LENGTH = 4000;

export class SaveDraftDto {
  @ApiProperty({ maxLength: MAX_NOTE_LENGTH })
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  body!: string;

  @ApiPropertyOptional({ maxLength: MAX_DRAFT_CC_LENGTH, description: 'The Cc field as typed (checked only when the reply is sent); absent: empty' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DRAFT_CC_LENGTH)
  cc?: string;
}

export class DraftDto {
  @ApiProperty()
  body!: string;

  @ApiProperty({ description: 'The Cc field as typed' })
  cc!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: 'integer', description: "Their tickets the caller can see" })
  ticketCount!: number;
}
