import { Controller, Delete, HttpCode, HttpStatus, Inject, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { RevokeTokenUseCase } from './revoke-token.use-case.js';

@ApiTags('users')
@Controller('tokens')
export class TokensController {
  constructor(@Inject(RevokeTokenUseCase) private readonly revokeToken: RevokeTokenUseCase) {}

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a token (your own, or any for an admin); effective on its next request' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @HttpCode(HttpStatus.NO_CONTENT)
  async revoke(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    const token = await this.revokeToken.execute(caller, id);
    noteChange({ details: { userId: token.userId, name: token.name } });
  }
}
