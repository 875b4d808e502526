import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_RELEASE_REASON_CHARS } from '@casework/domain';

export class AttachmentDownloadQueryDto {
  @ApiPropertyOptional({
    maxLength: MAX_RELEASE_REASON_CHARS,
    example: 'CyberTipline report 12345: evidence for NCMEC',
    description: 'Needed (10–500 characters) for an attachment blocked by a hash list, which only an admin may fetch; kept in the audit event',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_RELEASE_REASON_CHARS)
  reason?: string;
}
