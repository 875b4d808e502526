import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { toAtRiskDto, toBreachListDto, toCalendarDto, toPolicyDto } from './breach.mapper.js';
import { BreachListDto } from './dto/breach.dto.js';
import { AtRiskQueryDto, DEFAULT_BREACH_LIMIT, durationMs, ListBreachesQueryDto } from './dto/list-breaches-query.dto.js';
import { AtRiskListDto, SlaCalendarDto, SlaCalendarInputDto, SlaCalendarListDto, SlaPolicyDto, SlaPolicyInputDto, SlaPolicyListDto } from './dto/sla-admin.dto.js';
import { ListBreachesUseCase } from './list-breaches.use-case.js';
import { SlaAdminService } from './sla-admin.service.js';

@ApiTags('sla')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller('sla')
export class SlaController {
  constructor(
    @Inject(ListBreachesUseCase) private readonly listBreaches: ListBreachesUseCase,
    @Inject(SlaAdminService) private readonly admin: SlaAdminService,
  ) {}

  @Get('breaches')
  @ApiOperation({ summary: 'Breached SLA clocks, newest breach first; filter by queue (slug or id), kind and breach time [since, until)' })
  @ApiOkResponse({ type: BreachListDto })
  async breaches(@CurrentCaller() caller: Caller, @Query() query: ListBreachesQueryDto): Promise<BreachListDto> {
    return toBreachListDto(
      await this.listBreaches.execute(caller, { limit: query.limit ?? DEFAULT_BREACH_LIMIT, queue: query.queue, kind: query.kind, since: query.since, until: query.until }),
    );
  }

  @Get('at-risk')
  @ApiOperation({ summary: 'Running clocks due within the window (default 30m), soonest first; paused clocks have no due time and are not listed' })
  @ApiOkResponse({ type: AtRiskListDto })
  async atRisk(@CurrentCaller() caller: Caller, @Query() query: AtRiskQueryDto): Promise<AtRiskListDto> {
    const clocks = await this.listBreaches.atRisk(caller, durationMs(query.within ?? '30m'), query.limit ?? DEFAULT_BREACH_LIMIT);
    return { items: clocks.map(toAtRiskDto) };
  }

  @Get('calendars')
  @ApiOperation({ summary: 'Business calendars, by name' })
  @ApiOkResponse({ type: SlaCalendarListDto })
  async calendars(): Promise<SlaCalendarListDto> {
    return { items: (await this.admin.listCalendars()).map(toCalendarDto) };
  }

  @Post('calendars')
  @ApiOperation({ summary: 'Create a business calendar (400 names the invalid paths, e.g. definition.week.mon[0].end)' })
  @ApiCreatedResponse({ type: SlaCalendarDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async createCalendar(@Body() body: SlaCalendarInputDto): Promise<SlaCalendarDto> {
    return toCalendarDto(await this.admin.createCalendar(body));
  }

  @Get('calendars/:id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SlaCalendarDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async calendar(@Param('id') id: string): Promise<SlaCalendarDto> {
    return toCalendarDto(await this.admin.getCalendar(id));
  }

  @Put('calendars/:id')
  @ApiOperation({ summary: 'Replace a calendar; running clocks pick it up at their next change' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SlaCalendarDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async updateCalendar(@Param('id') id: string, @Body() body: SlaCalendarInputDto): Promise<SlaCalendarDto> {
    return toCalendarDto(await this.admin.updateCalendar(id, body));
  }

  @Delete('calendars/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A policy uses the calendar' })
  async deleteCalendar(@Param('id') id: string): Promise<void> {
    await this.admin.deleteCalendar(id);
  }

  @Get('policies')
  @ApiOperation({ summary: 'SLA policies (queue × priority; null = any)' })
  @ApiOkResponse({ type: SlaPolicyListDto })
  async policies(): Promise<SlaPolicyListDto> {
    return { items: (await this.admin.listPolicies()).map(toPolicyDto) };
  }

  @Post('policies')
  @ApiOperation({ summary: 'Create a policy; new clocks use it (the most specific match wins)' })
  @ApiCreatedResponse({ type: SlaPolicyDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A policy for this queue and priority exists' })
  async createPolicy(@Body() body: SlaPolicyInputDto): Promise<SlaPolicyDto> {
    return toPolicyDto(await this.admin.createPolicy(body));
  }

  @Get('policies/:id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SlaPolicyDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async policy(@Param('id') id: string): Promise<SlaPolicyDto> {
    return toPolicyDto(await this.admin.getPolicy(id));
  }

  @Put('policies/:id')
  @ApiOperation({ summary: 'Replace a policy (omitted targets become null, warnAtPercent 80)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SlaPolicyDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async updatePolicy(@Param('id') id: string, @Body() body: SlaPolicyInputDto): Promise<SlaPolicyDto> {
    return toPolicyDto(await this.admin.updatePolicy(id, body));
  }

  @Delete('policies/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Clocks refer to the policy' })
  async deletePolicy(@Param('id') id: string): Promise<void> {
    await this.admin.deletePolicy(id);
  }
}
