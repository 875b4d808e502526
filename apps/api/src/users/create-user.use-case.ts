import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEmailTaken, UserRepository, type UserRecord } from '@casework/database';
import type { CreateUserDto } from './dto/create-user.dto.js';
import { UserErrors } from './user.errors.js';

@Injectable()
export class CreateUserUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async execute(input: CreateUserDto): Promise<UserRecord> {
    try {
      return await this.users.insert(this.db, { email: input.email, name: input.name, role: input.role, locale: input.locale ?? 'en', timeZone: input.timeZone ?? 'UTC' });
    } catch (error) {
      if (error instanceof UserEmailTaken) throw UserErrors.emailTaken();
      throw error;
    }
  }
}
