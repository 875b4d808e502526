import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@casework/domain';

export class CreateSessionDto {
  @ApiProperty({ description: 'A personal API token (cw_…), exchanged for the session cookie; never stored by the page', minLength: 1, maxLength: 4096 })
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  token!: string;
}

export class SignInMethodsDto {
  @ApiProperty({ description: 'A personal API token is always accepted (POST /sessions)', example: true })
  token!: boolean;

  @ApiProperty({ description: 'Single sign-on is configured (OIDC_ISSUER and a client id): GET /sessions/oidc starts it' })
  oidc!: boolean;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sam@example.org' })
  email!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}

export class SessionDto {
  @ApiProperty({ type: () => SessionUserDto })
  user!: SessionUserDto;

  @ApiProperty({ format: 'date-time', description: 'The latest the session ends (it ends sooner when idle, signed out, or its token is revoked)' })
  expiresAt!: string;
}
