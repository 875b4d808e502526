import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAX_HTML_LENGTH, MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH } from './template.dto.js';

export class PreviewTemplateDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Render for this ticket (you need to see its content). Without it: a sample ticket" })
  @IsOptional()
  @IsUUID('all', { message: 'ticketId must be a ticket id' })
  ticketId?: string;

  @ApiPropertyOptional({ type: Object, example: { requester: { name: 'Ana' } }, description: 'Values laid over the sample ticket (not with ticketId)' })
  @IsOptional()
  @IsObject()
  sample?: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: MAX_SUBJECT_LENGTH, description: 'Unsaved texts to preview instead of the stored ones: checked like a save' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SUBJECT_LENGTH)
  subject?: string;

  @ApiPropertyOptional({ maxLength: MAX_TEXT_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT_LENGTH)
  text?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_HTML_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_HTML_LENGTH)
  html?: string | null;
}

export class PreviewDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'A whole HTML document, `dir="rtl"` for Arabic' })
  html!: string;

  @ApiProperty({ example: 'ar' })
  locale!: string;

  @ApiProperty({ type: [String], example: ['requester.name'], description: 'Variables the template uses that have no value here (they render empty)' })
  missing!: string[];
}
