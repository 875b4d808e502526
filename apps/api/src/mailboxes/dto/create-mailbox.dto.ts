import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** `none`, `seen` or `move:<folder>`. */
export const AFTER_COMMIT_PATTERN = /^(none|seen|move:[^\x00-\x1f\x7f]{1,255})$/;
const HOST_PATTERN = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$|^[0-9A-Fa-f:.]+$/;
const NO_CONTROL = /^[^\x00-\x1f\x7f]*$/;

export class CreateMailboxDto {
  @ApiProperty({ example: 'abuse@example.org', description: 'The address this mailbox receives for' })
  @IsEmail({ require_tld: false }, { message: 'address must be an email address' })
  @MaxLength(320)
  address!: string;

  @ApiProperty({ example: 'imap.example.org' })
  @IsString()
  @MaxLength(253)
  @Matches(HOST_PATTERN, { message: 'imapHost must be a host name or IP address' })
  imapHost!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 65535, default: 993 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  imapPort?: number;

  @ApiPropertyOptional({ default: true, description: 'Implicit TLS (IMAPS)' })
  @IsOptional()
  @IsBoolean()
  imapTls?: boolean;

  @ApiProperty({ example: 'abuse@example.org' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  @Matches(NO_CONTROL, { message: 'imapUser must not contain control characters' })
  imapUser!: string;

  @ApiProperty({ writeOnly: true, format: 'password', description: 'IMAP password: stored encrypted (MAILBOX_SECRET_KEY), never returned' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ default: 'INBOX', description: 'Folder to watch' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  @Matches(NO_CONTROL, { message: 'folder must not contain control characters' })
  folder?: string;

  @ApiPropertyOptional({ example: 'safety', description: 'Queue (slug or id) its tickets land in; default: the default queue' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  queue?: string;

  @ApiPropertyOptional({ default: 'none', example: 'move:Casework', pattern: AFTER_COMMIT_PATTERN.source, description: 'What ingest does on the IMAP server once a message is stored: none, seen (flag \\Seen) or move:<folder>' })
  @IsOptional()
  @IsString()
  @Matches(AFTER_COMMIT_PATTERN, { message: 'afterCommit must be none, seen or move:<folder>' })
  afterCommit?: string;

  @ApiPropertyOptional({ default: true, description: 'Watched by ingest' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
