import type { ApiTokenRecord, UserRecord } from '@casework/database';
import type { TokenDto, CreatedTokenDto } from './dto/token.dto.js';
import type { UserDto } from './dto/user.dto.js';

export function toUserDto(user: UserRecord): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    timeZone: user.timeZone,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
  };
}

/** Never the secret nor its hash: the record holds neither. */
export function toTokenDto(token: ApiTokenRecord): TokenDto {
  return {
    id: token.id,
    name: token.name,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

export function toCreatedTokenDto(token: ApiTokenRecord, secret: string): CreatedTokenDto {
  return { id: token.id, name: token.name, token: secret, expiresAt: token.expiresAt?.toISOString() ?? null, createdAt: token.createdAt.toISOString() };
}
