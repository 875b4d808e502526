import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiTokenRepository, type ApiTokenRecord } from '@casework/database';
import { mayManageTokensOf } from '@casework/domain';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';
import { UserErrors } from './user.errors.js';

/**
 * Revokes a token, effective on the next request (every request looks the token up). Someone
 * else's token the caller may not manage answers 404, as if it did not exist: token ids of
 * other people are not theirs to probe.
 */
@Injectable()
export class RevokeTokenUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ApiTokenRepository) private readonly tokens: ApiTokenRepository,
  ) {}

  async execute(caller: Caller, id: string): Promise<ApiTokenRecord> {
    const token = isUuid(id) ? await this.tokens.find(this.db, id) : null;
    if (!token || !mayManageTokensOf({ id: caller.userId, role: caller.role }, token.userId)) throw UserErrors.tokenNotFound(id);
    if (!(await this.tokens.revoke(this.db, id))) throw UserErrors.tokenNotFound(id);
    return token;
  }
}
