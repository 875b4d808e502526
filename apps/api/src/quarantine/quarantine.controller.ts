import { Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { DEFAULT_PAGE_LIMIT } from '../common/page-query.dto.js';
import { ListQuarantineQueryDto } from './dto/list-quarantine-query.dto.js';
import { QuarantinePageDto, RetryAcceptedDto } from './dto/quarantined-message.dto.js';
import { GetQuarantinedRawUseCase } from './get-quarantined-raw.use-case.js';
import { ListQuarantineUseCase } from './list-quarantine.use-case.js';
import { toQuarantinePageDto } from './quarantine.mapper.js';
import { RetryQuarantinedUseCase } from './retry-quarantined.use-case.js';

@ApiTags('quarantine')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('quarantine')
export class QuarantineController {
  constructor(
    @Inject(ListQuarantineUseCase) private readonly listQuarantine: ListQuarantineUseCase,
    @Inject(GetQuarantinedRawUseCase) private readonly getRaw: GetQuarantinedRawUseCase,
    @Inject(RetryQuarantinedUseCase) private readonly retryQuarantined: RetryQuarantinedUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Mail routing could not turn into tickets, most recently quarantined first' })
  @ApiOkResponse({ type: QuarantinePageDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListQuarantineQueryDto): Promise<QuarantinePageDto> {
    return toQuarantinePageDto(await this.listQuarantine.execute(caller, { limit: query.limit ?? DEFAULT_PAGE_LIMIT, cursor: query.cursor }));
  }

  @Get(':id/raw')
  // Hostile mail as evidence: always a download, never rendered, never cached.
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The raw message bytes exactly as received, as a download' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async raw(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<StreamableFile> {
    const raw = await this.getRaw.execute(caller, id);
    return new StreamableFile(raw, {
      type: 'application/octet-stream',
      disposition: `attachment; filename="quarantined-${id}.eml"`,
      length: raw.length,
    });
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Hand a quarantined message back to routing, which parses it again' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: RetryAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The message is not quarantined (already routed, or retried and waiting)' })
  async retry(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<RetryAcceptedDto> {
    return this.retryQuarantined.execute(caller, id);
  }
}
