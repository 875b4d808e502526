import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { changedFields, noteChange } from '../audit/audit-context.js';
import { ROLE_CAPABILITIES } from '@casework/domain';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { UpdatePreferencesDto } from './dto/update-preferences.dto.js';
import { UpdateUserUseCase } from './update-user.use-case.js';
import { MeDto, UserDto } from './dto/user.dto.js';
import { GetMeUseCase } from './get-me.use-case.js';
import { toUserDto } from './user.mapper.js';

@ApiTags('users')
@Controller('me')
export class MeController {
  constructor(
    @Inject(GetMeUseCase) private readonly getMe: GetMeUseCase,
    @Inject(UpdateUserUseCase) private readonly updateUser: UpdateUserUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The caller: their user, role, queue grants and capabilities' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    const { user, grants } = await this.getMe.execute(caller);
    return { ...toUserDto(user), grants, capabilities: [...ROLE_CAPABILITIES[user.role]] };
  }

  @Patch()
  @ApiOperation({ summary: "Change your own language and time zone (the web inbox's strings and dates follow them)" })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ValidationErrorResponseDto })
  async updatePreferences(@CurrentCaller() caller: Caller, @Body() body: UpdatePreferencesDto): Promise<UserDto> {
    // Only these two fields can reach the change: validation refuses any other (400 naming it).
    const { before, after } = await this.updateUser.execute(caller.userId, { locale: body.locale, timeZone: body.timeZone });
    noteChange({ details: changedFields(before, after, ['locale', 'timeZone']) });
    return toUserDto(after);
  }
}
