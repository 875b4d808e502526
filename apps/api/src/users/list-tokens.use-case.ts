import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiTokenRepository, type ApiTokenRecord } from '@casework/database';
import { UserDirectory } from './user-directory.js';

/** A user's live tokens (revoked ones are gone), newest first, never with their secret. */
@Injectable()
export class ListTokensUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ApiTokenRepository) private readonly tokens: ApiTokenRepository,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  async execute(userId: string): Promise<ApiTokenRecord[]> {
    await this.directory.require(userId);
    return this.tokens.listOf(this.db, userId);
  }
}
