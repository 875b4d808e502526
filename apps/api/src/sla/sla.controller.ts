import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { toBreachListDto } from './breach.mapper.js';
import { BreachListDto } from './dto/breach.dto.js';
import { DEFAULT_BREACH_LIMIT, ListBreachesQueryDto } from './dto/list-breaches-query.dto.js';
import { ListBreachesService } from './list-breaches.service.js';

@ApiTags('sla')
@Controller('sla')
export class SlaController {
  constructor(@Inject(ListBreachesService) private readonly listBreaches: ListBreachesService) {}

  @Get('breaches')
  @ApiOperation({ summary: 'Breached SLA clocks, newest breach first' })
  @ApiOkResponse({ type: BreachListDto })
  @ApiBadRequestResponse({ type: ValidationErrorResponseDto })
  async breaches(@Query() query: ListBreachesQueryDto): Promise<BreachListDto> {
    return toBreachListDto(await this.listBreaches.execute(query.limit ?? DEFAULT_BREACH_LIMIT));
  }
}
