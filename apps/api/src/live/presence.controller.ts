import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { PresenceDto } from './dto/presence.dto.js';
import { PresenceService } from './presence.service.js';

@ApiTags('tickets')
@Controller('tickets')
export class PresenceController {
  constructor(@Inject(PresenceService) private readonly presence: PresenceService) {}

  @Post(':id/presence')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Heartbeat: the caller is viewing or replying to the ticket; expires unless repeated (PRESENCE_TTL_SECONDS, 30 s)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Recorded; a new viewer or state is pushed on /events as ticket.presence' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async beat(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: PresenceDto): Promise<void> {
    await this.presence.beat(caller, id, body.state);
  }
}
