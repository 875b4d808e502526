import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserRepository, type UserRecord } from '@casework/database';

@Injectable()
export class ListUsersUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  execute(): Promise<UserRecord[]> {
    return this.users.list(this.db);
  }
}
