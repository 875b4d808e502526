import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, ParseBoolPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { OncallShiftRecord, PageRecord } from '@casework/database';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { CreateOncallShiftDto, OncallNowQueryDto, OncallShiftDto, OncallShiftListDto, PageDto } from './dto/oncall.dto.js';
import { OncallService } from './oncall.service.js';

const toShiftDto = (s: OncallShiftRecord): OncallShiftDto => ({
  id: s.id,
  name: s.name,
  email: s.email,
  from: s.startsAt.toISOString(),
  to: s.endsAt.toISOString(),
  queues: s.queues,
});

const toPageDto = (p: PageRecord): PageDto => ({
  id: p.id,
  ticketId: p.ticketId,
  target: p.targetEmail,
  level: p.level,
  state: p.state,
  createdAt: p.createdAt.toISOString(),
  ackedAt: p.ackedAt?.toISOString() ?? null,
  escalateAt: p.escalateAt?.toISOString() ?? null,
});

@ApiTags('oncall')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('oncall')
export class OncallController {
  constructor(@Inject(OncallService) private readonly oncall: OncallService) {}

  @Post('shifts')
  @ApiOperation({ summary: 'Put someone on call for [from, to) for some queues (empty = all); 400 names the fields' })
  @ApiCreatedResponse({ type: OncallShiftDto })
  async create(@Body() body: CreateOncallShiftDto): Promise<OncallShiftDto> {
    return toShiftDto(await this.oncall.createShift(body));
  }

  @Get('shifts')
  @ApiOperation({ summary: 'Current and future shifts by start (includePast=true: all)' })
  @ApiOkResponse({ type: OncallShiftListDto })
  async list(@Query('includePast', new ParseBoolPipe({ optional: true })) includePast?: boolean): Promise<OncallShiftListDto> {
    return { items: (await this.oncall.listShifts(includePast ?? false)).map(toShiftDto) };
  }

  @Delete('shifts/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('id') id: string): Promise<void> {
    await this.oncall.deleteShift(id);
  }

  @Get('now')
  @ApiOperation({ summary: 'Who is on call now for the queue, earliest shift start first (the escalation order)' })
  @ApiOkResponse({ type: OncallShiftListDto })
  async now(@Query() query: OncallNowQueryDto): Promise<OncallShiftListDto> {
    return { items: (await this.oncall.now(query.queue)).map(toShiftDto) };
  }
}

@ApiTags('oncall')
@Controller('pages')
export class PagesController {
  constructor(@Inject(OncallService) private readonly oncall: OncallService) {}

  @Post(':id/ack')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Acknowledge a page: it (and the ticket’s open pages) stop escalating; idempotent' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async ack(@Param('id') id: string): Promise<PageDto> {
    return toPageDto(await this.oncall.ack(id));
  }
}
