import { Module } from '@nestjs/common';
import { CreateTokenUseCase } from './create-token.use-case.js';
import { CreateUserUseCase } from './create-user.use-case.js';
import { GetMeUseCase } from './get-me.use-case.js';
import { ListTokensUseCase } from './list-tokens.use-case.js';
import { ListUsersUseCase } from './list-users.use-case.js';
import { MeController } from './me.controller.js';
import { RevokeTokenUseCase } from './revoke-token.use-case.js';
import { TokensController } from './tokens.controller.js';
import { UpdateUserUseCase } from './update-user.use-case.js';
import { UserDirectory } from './user-directory.js';
import { UsersController } from './users.controller.js';

@Module({
  controllers: [UsersController, TokensController, MeController],
  providers: [UserDirectory, CreateUserUseCase, ListUsersUseCase, UpdateUserUseCase, CreateTokenUseCase, ListTokensUseCase, RevokeTokenUseCase, GetMeUseCase],
})
export class UsersModule {}
