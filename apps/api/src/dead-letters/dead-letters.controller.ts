import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { DEFAULT_PAGE_LIMIT } from '../common/page-query.dto.js';
import { toDeadLetterPageDto } from './dead-letter.mapper.js';
import { DeadLetterPageDto, ListDeadLettersQueryDto, RedriveAcceptedDto } from './dto/dead-letter.dto.js';
import { ListDeadLettersUseCase } from './list-dead-letters.use-case.js';
import { RedriveDeadLetterUseCase } from './redrive-dead-letter.use-case.js';

@ApiTags('dead-letters')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(ListDeadLettersUseCase) private readonly listDeadLetters: ListDeadLettersUseCase,
    @Inject(RedriveDeadLetterUseCase) private readonly redriveDeadLetter: RedriveDeadLetterUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Events a service gave up on (failed on every delivery, or unreadable), newest first' })
  @ApiOkResponse({ type: DeadLetterPageDto })
  async list(@Query() query: ListDeadLettersQueryDto): Promise<DeadLetterPageDto> {
    return toDeadLetterPageDto(await this.listDeadLetters.execute({ limit: query.limit ?? DEFAULT_PAGE_LIMIT, cursor: query.cursor }));
  }

  @Post(':id/redrive')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Publish the event again (same event id) once its cause is fixed' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: RedriveAcceptedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The dead letter holds no readable envelope' })
  async redrive(@Param('id') id: string): Promise<RedriveAcceptedDto> {
    return this.redriveDeadLetter.execute(id);
  }
}
