import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiTokenRepository, type ApiTokenRecord } from '@casework/database';
import { newTokenSecret, tokenSha256 } from '@casework/domain';
import { UserDirectory } from './user-directory.js';

/** A new token for a user: the secret is answered once and only its SHA-256 is stored. */
@Injectable()
export class CreateTokenUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ApiTokenRepository) private readonly tokens: ApiTokenRepository,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  async execute(userId: string, input: { name: string; expiresAt?: Date }): Promise<{ token: ApiTokenRecord; secret: string }> {
    await this.directory.require(userId);
    const secret = newTokenSecret();
    const token = await this.tokens.insert(this.db, { userId, name: input.name, sha256: tokenSha256(secret), expiresAt: input.expiresAt ?? null });
    return { token, secret };
  }
}
