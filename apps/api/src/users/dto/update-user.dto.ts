import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@casework/domain';
import { canonicalised } from './create-user.dto.js';
import { IsLocaleTag, IsTimeZone } from './profile.validators.js';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ example: 'pt-BR' })
  @IsOptional()
  @Transform(canonicalised)
  @IsLocaleTag()
  locale?: string;

  @ApiPropertyOptional({ example: 'America/Sao_Paulo' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'A disabled user cannot sign in; all their tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
