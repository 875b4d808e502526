import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserRepository, type Db, type UserRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import { UserErrors } from './user.errors.js';

/** Finding a user by an id from the path: a malformed id is simply not found. */
@Injectable()
export class UserDirectory {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  /** `lock`: also lock the row (FOR UPDATE) for the rest of `db`'s transaction. */
  async require(id: string, db: Db = this.db, { lock = false } = {}): Promise<UserRecord> {
    const user = !isUuid(id) ? null : lock ? await this.users.lock(db, id) : await this.users.find(db, id);
    if (!user) throw UserErrors.notFound(id);
    return user;
  }
}
