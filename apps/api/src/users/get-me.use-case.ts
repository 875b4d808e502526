import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueGrantRepository, UserRepository, type UserGrant, type UserRecord } from '@casework/database';
import type { Caller } from '../auth/caller.js';
import { UserErrors } from './user.errors.js';

export interface Me {
  user: UserRecord;
  grants: UserGrant[];
}

@Injectable()
export class GetMeUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(QueueGrantRepository) private readonly grants: QueueGrantRepository,
  ) {}

  async execute(caller: Caller): Promise<Me> {
    const user = await this.users.find(this.db, caller.userId);
    if (!user) throw UserErrors.notFound(caller.userId);
    return { user, grants: await this.grants.grantsOfUser(this.db, caller.userId) };
  }
}
