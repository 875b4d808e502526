import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { TEMPLATE_KEY_PATTERN, TEMPLATE_LOCALES } from '@casework/domain';

export const MAX_REPLY_LENGTH = 100_000;
/** What a reply's attachments may weigh together, decoded (413 beyond). */
export const MAX_REPLY_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_REPLY_ATTACHMENTS = 20;
export const MAX_REPLY_CC = 20;

export class ReplyAttachmentDto {
  @ApiProperty({ example: 'guidance.pdf', maxLength: 255 })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i, { message: 'contentType must be a MIME type such as application/pdf' })
  contentType!: string;

  @ApiProperty({ description: 'The bytes, base64; all attachments of a reply together at most 10 MB decoded (413 beyond)' })
  @IsString()
  @IsBase64({}, { message: 'contentBase64 must be base64' })
  contentBase64!: string;
}

export class CreateReplyDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The newest article the writer saw: if another was added since, 409 TicketChanged with the new ones, and nothing is sent' })
  @IsOptional()
  @IsUUID()
  ifLastArticleId?: string;

  @ApiPropertyOptional({ description: 'Plain-text reply; without templateKey it is sent as written. With templateKey it fills {{body}} (the `reply` template wraps it in the salutation and signature)', minLength: 1, maxLength: MAX_REPLY_LENGTH })
  // Required unless a template is named: a snippet or template may stand alone.
  @ValidateIf((dto: CreateReplyDto) => dto.templateKey === undefined || dto.body !== undefined)
  @IsString()
  @MaxLength(MAX_REPLY_LENGTH)
  @Matches(/\S/, { message: 'body must not be empty' })
  body?: string;

  @ApiPropertyOptional({ example: 'reply', description: "A `message` or `snippet` template rendered for this ticket in the writer's language (ticket language → queue default → en)" })
  @IsOptional()
  @Matches(TEMPLATE_KEY_PATTERN, { message: 'templateKey must be a template key (lower-case letters, digits and dashes)' })
  templateKey?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LOCALES, description: "The template's language, instead of the ticket's" })
  @IsOptional()
  @IsIn(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` })
  locale?: string;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_REPLY_CC, example: ['advocate@example.org'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REPLY_CC)
  @IsEmail({ require_tld: false }, { each: true, message: 'cc must hold email addresses' })
  @MaxLength(320, { each: true })
  cc?: string[];

  @ApiPropertyOptional({ type: () => [ReplyAttachmentDto], maxItems: MAX_REPLY_ATTACHMENTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REPLY_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => ReplyAttachmentDto)
  attachments?: ReplyAttachmentDto[];
}

export class ReplyAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'The queued outbound message; the template-reply service sends it' })
  outboundId!: string;

  @ApiProperty({ format: 'uuid', description: "The reply's article on the ticket: its `delivery` shows queued → sending → sent | failed" })
  articleId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'es', description: 'The language of the template used; null for a text sent as written' })
  locale!: string | null;
}
