import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { canonicalLocale, ROLES, type Role } from '@casework/domain';
import { IsLocaleTag, IsTimeZone } from './profile.validators.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const canonicalised = ({ value }: { value: unknown }) => canonicalLocale(value) ?? value;

export class CreateUserDto {
  @ApiProperty({ example: 'sam@example.org' })
  @Transform(trimmed)
  @IsEmail({ require_tld: false }, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Sam Specialist' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ example: 'en', default: 'en' })
  @IsOptional()
  @Transform(canonicalised)
  @IsLocaleTag()
  locale?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
