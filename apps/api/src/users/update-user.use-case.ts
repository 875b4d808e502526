import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserRepository, type UserChange, type UserRecord } from '@casework/database';
import { UserDirectory } from './user-directory.js';
import { UserErrors } from './user.errors.js';

/**
 * Changes a user. Demoting or disabling an enabled admin is refused when no other enabled
 * admin would be left: the admin rows are locked while counting, so two such changes at once
 * cannot both pass. Disabling a user stops every one of their tokens at once (the token look-up
 * requires an enabled user).
 */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  async execute(id: string, change: UserChange): Promise<{ before: UserRecord; after: UserRecord }> {
    return this.db.transaction(async (tx) => {
      const before = await this.directory.require(id, tx, { lock: true });
      const stillAdmin = (change.role ?? before.role) === 'admin' && !(change.disabled ?? before.disabled);
      if (before.role === 'admin' && !before.disabled && !stillAdmin && (await this.users.countOtherEnabledAdmins(tx, id)) === 0) {
        throw UserErrors.lastAdmin();
      }
      const after = (await this.users.update(tx, id, change))!;
      return { before, after };
    });
  }
}
