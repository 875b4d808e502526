import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { DEFAULT_PAGE_LIMIT } from '../common/page-query.dto.js';
import { SearchQueryDto } from './dto/search-query.dto.js';
import { SearchPageDto } from './dto/search-result.dto.js';
import { toSearchPageDto } from './search.mapper.js';
import { SearchTicketsUseCase } from './search-tickets.use-case.js';

@ApiTags('search')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('search')
export class SearchController {
  constructor(@Inject(SearchTicketsUseCase) private readonly searchTickets: SearchTicketsUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Full-text search over subjects, mail and notes of the queues the caller reads in full; best match first, one per ticket' })
  @ApiOkResponse({ type: SearchPageDto })
  async search(@CurrentCaller() caller: Caller, @Query() query: SearchQueryDto): Promise<SearchPageDto> {
    const page = await this.searchTickets.execute(caller, {
      q: query.q,
      queueSlug: query.queue,
      status: query.status,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return toSearchPageDto(page);
  }
}
