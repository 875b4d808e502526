import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { MAX_HASH_VALUES_PER_UPLOAD } from '@casework/domain';

const present = (_dto: object, value: unknown) => value !== undefined;
/** A text of 200,000 SHA-256 lines with a file name each stays well within it (and within the 16 MB body). */
const MAX_TEXT_CHARS = 15_000_000;

/** Values as a JSON array (`entries`) or as the hotline's file (`text`, one hash per line); either or both. */
export class HashValuesDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_HASH_VALUES_PER_UPLOAD,
    example: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'md5:d41d8cd98f00b204e9800998ecf8427e'],
    description: 'SHA-256 (64 hex digits) or MD5 (32), any case, optionally prefixed `sha256:` / `md5:`; a bad one is a 400 naming `entries.<index>`',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_HASH_VALUES_PER_UPLOAD)
  @IsString({ each: true })
  entries?: string[];

  @ApiPropertyOptional({
    example: '# hotline list\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  file.jpg\n',
    description: 'One value per line (blank lines and # comments skipped, `sha256sum` output read: the first word of a line); a bad line is a 400 naming `text` and its 1-based line',
  })
  @ValidateIf(present)
  @IsString()
  @MaxLength(MAX_TEXT_CHARS)
  text?: string;
}

export class CreateHashListDto extends HashValuesDto {
  @ApiProperty({ example: 'Hotline list 2026-06', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'NCMEC hash sharing, received 2026-06-01', maxLength: 500, description: 'Where the values came from' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;
}

export class HashListCountsDto {
  @ApiProperty()
  sha256!: number;

  @ApiProperty()
  md5!: number;
}

/** A list without its values (they are never listed back: a hotline's list is not ours to redistribute). */
export class HashListDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  source!: string | null;

  @ApiProperty({ type: HashListCountsDto, description: 'Values held, by algorithm' })
  counts!: HashListCountsDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class HashListListDto {
  @ApiProperty({ type: () => [HashListDto] })
  items!: HashListDto[];
}

/** What an upload did: the list as it is now, values new to it, and mail stored before that it matched. */
export class HashListUploadDto {
  @ApiProperty({ type: HashListDto })
  list!: HashListDto;

  @ApiProperty({ description: 'Values new to the list (repeats and values it held already are not counted)' })
  added!: number;

  @ApiProperty({ description: 'Attachments of mail stored before the upload that it matched, now blocked (their tickets are named in the audit event; they are not moved or paged)' })
  blockedExisting!: number;
}
