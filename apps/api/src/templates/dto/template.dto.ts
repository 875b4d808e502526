import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { TEMPLATE_KEY_PATTERN, TEMPLATE_KINDS, TEMPLATE_LOCALES, type TemplateKind } from '@casework/domain';

export const MAX_SUBJECT_LENGTH = 998;
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_HTML_LENGTH = 200_000;

export class TemplateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'acknowledgement' })
  key!: string;

  @ApiProperty({ enum: TEMPLATE_LOCALES, example: 'es' })
  locale!: string;

  @ApiProperty({ enum: TEMPLATE_KINDS, description: '`message`: a mail; `snippet`: a canned reply a specialist inserts; `partial`: salutation or signature' })
  kind!: TemplateKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "null: the global template; else this queue's override of it" })
  queueId!: string | null;

  @ApiProperty({ description: 'The newest version; every save adds one' })
  version!: number;

  @ApiProperty({ example: 'We received your message: {{ticket.subject}}' })
  subject!: string;

  @ApiProperty({ description: 'The text part (handlebars)' })
  text!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The HTML part; null: made from the text part' })
  html!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who saved the newest version; null: the seed' })
  updatedBy!: string | null;
}

export class TemplateListDto {
  @ApiProperty({ type: () => [TemplateDto] })
  items!: TemplateDto[];
}

export class TemplateVersionDto {
  @ApiProperty()
  version!: number;

  @ApiProperty()
  subject!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: String, nullable: true })
  html!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class TemplateVersionListDto {
  @ApiProperty({ type: () => [TemplateVersionDto], description: 'Newest first' })
  items!: TemplateVersionDto[];
}

export class ListTemplatesQueryDto {
  @ApiPropertyOptional({ enum: TEMPLATE_KINDS })
  @IsOptional()
  @IsIn(TEMPLATE_KINDS, { message: `kind must be one of ${TEMPLATE_KINDS.join(', ')}` })
  kind?: TemplateKind;

  @ApiPropertyOptional({ example: 'acknowledgement' })
  @IsOptional()
  @Matches(TEMPLATE_KEY_PATTERN, { message: 'key must be a template key' })
  key?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LOCALES })
  @IsOptional()
  @IsIn(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` })
  locale?: string;

  @ApiPropertyOptional({ description: "A queue (slug or id): only its overrides. Without it: the global templates and every queue's overrides" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  queue?: string;
}

/** The texts of a template: what every save (a new version) sets. */
export class TemplateTextDto {
  @ApiPropertyOptional({ default: '', maxLength: MAX_SUBJECT_LENGTH, description: 'Empty for partials and snippets' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SUBJECT_LENGTH)
  subject?: string;

  @ApiProperty({ maxLength: MAX_TEXT_LENGTH, example: '{{> salutation}}\n\nThank you. Your ticket is {{ticket.number}}.\n\n{{> signature}}' })
  @IsString()
  @MaxLength(MAX_TEXT_LENGTH)
  text!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_HTML_LENGTH, description: 'null or absent: made from the text part' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_HTML_LENGTH)
  html?: string | null;
}

export class CreateTemplateDto extends TemplateTextDto {
  @ApiProperty({ example: 'account-suspended', description: 'Lower-case letters, digits and dashes' })
  @Matches(TEMPLATE_KEY_PATTERN, { message: 'key must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit' })
  key!: string;

  @ApiProperty({ enum: TEMPLATE_LOCALES })
  @IsIn(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` })
  locale!: string;

  @ApiPropertyOptional({ enum: TEMPLATE_KINDS, default: 'message' })
  @IsOptional()
  @IsIn(TEMPLATE_KINDS, { message: `kind must be one of ${TEMPLATE_KINDS.join(', ')}` })
  kind?: TemplateKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "A queue: this template overrides the global one for it" })
  @ValidateIf((_dto, value) => value !== undefined && value !== null)
  @IsUUID('all', { message: 'queueId must be a queue id' })
  queueId?: string | null;
}
