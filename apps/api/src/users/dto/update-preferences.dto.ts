import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { canonicalised } from './create-user.dto.js';
import { IsLocaleTag, IsTimeZone } from './profile.validators.js';

/** What every user may change of their own profile: the language and time zone they read in. */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ example: 'ar' })
  @IsOptional()
  @Transform(canonicalised)
  @IsLocaleTag()
  locale?: string;

  @ApiPropertyOptional({ example: 'Asia/Tokyo' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
