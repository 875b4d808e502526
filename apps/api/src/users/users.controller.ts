import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiBadRequestResponse } from '@nestjs/swagger';
import { changedFields, noteChange } from '../audit/audit-context.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { CreateTokenUseCase } from './create-token.use-case.js';
import { CreateUserUseCase } from './create-user.use-case.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { CreatedTokenDto, CreateTokenDto, TokenListDto } from './dto/token.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserDto, UserListDto } from './dto/user.dto.js';
import { ListTokensUseCase } from './list-tokens.use-case.js';
import { ListUsersUseCase } from './list-users.use-case.js';
import { UpdateUserUseCase } from './update-user.use-case.js';
import { UserDirectory } from './user-directory.js';
import { toCreatedTokenDto, toTokenDto, toUserDto } from './user.mapper.js';

@ApiTags('users')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('users')
export class UsersController {
  constructor(
    @Inject(CreateUserUseCase) private readonly createUser: CreateUserUseCase,
    @Inject(ListUsersUseCase) private readonly listUsers: ListUsersUseCase,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(UpdateUserUseCase) private readonly updateUser: UpdateUserUseCase,
    @Inject(CreateTokenUseCase) private readonly createToken: CreateTokenUseCase,
    @Inject(ListTokensUseCase) private readonly listTokens: ListTokensUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add a user (admin)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The email is taken (compared case-insensitively)' })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.createUser.execute(body));
  }

  @Get()
  @ApiOperation({ summary: 'Every user (admin)' })
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<UserListDto> {
    return { items: (await this.listUsers.execute()).map(toUserDto) };
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id') id: string): Promise<UserDto> {
    return toUserDto(await this.directory.require(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user (admin); disabling stops all their tokens at once' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'It would leave no enabled admin' })
  async update(@Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    const { before, after } = await this.updateUser.execute(id, body);
    noteChange({ details: changedFields(before, after, ['name', 'role', 'locale', 'timeZone', 'disabled']) });
    return toUserDto(after);
  }

  @Post(':id/tokens')
  @ApiOperation({ summary: "A new API token for the user (their own, or anyone's for an admin); the secret is shown only in this answer" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: CreatedTokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @HttpCode(HttpStatus.CREATED)
  async addToken(@Param('id') id: string, @Body() body: CreateTokenDto): Promise<CreatedTokenDto> {
    const { token, secret } = await this.createToken.execute(id, body);
    noteChange({ subject: `token:${token.id}`, details: { userId: id, name: token.name, expiresAt: token.expiresAt?.toISOString() ?? null } });
    return toCreatedTokenDto(token, secret);
  }

  @Get(':id/tokens')
  @ApiOperation({ summary: "The user's live tokens with their last use, never their secret" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TokenListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async tokens(@Param('id') id: string): Promise<TokenListDto> {
    return { items: (await this.listTokens.execute(id)).map(toTokenDto) };
  }
}
