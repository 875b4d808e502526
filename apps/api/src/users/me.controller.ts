import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLE_CAPABILITIES } from '@casework/domain';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { MeDto } from './dto/user.dto.js';
import { GetMeUseCase } from './get-me.use-case.js';
import { toUserDto } from './user.mapper.js';

@ApiTags('users')
@Controller('me')
export class MeController {
  constructor(@Inject(GetMeUseCase) private readonly getMe: GetMeUseCase) {}

  @Get()
  @ApiOperation({ summary: 'The caller: their user, role, queue grants and capabilities' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    const { user, grants } = await this.getMe.execute(caller);
    return { ...toUserDto(user), grants, capabilities: [...ROLE_CAPABILITIES[user.role]] };
  }
}
