import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import { changedFields, noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { CreateRuleUseCase } from './create-rule.use-case.js';
import { DeleteRuleUseCase } from './delete-rule.use-case.js';
import { DryRunRulesUseCase } from './dry-run-rules.use-case.js';
import { toDryRunResultDto } from './dry-run.mapper.js';
import { DryRunRequestDto, DryRunResultDto } from './dto/dry-run.dto.js';
import { RuleDto, RuleInputDto, RuleListDto } from './dto/rule.dto.js';
import { ListRulesUseCase } from './list-rules.use-case.js';
import { ReplaceRuleUseCase } from './replace-rule.use-case.js';
import { auditedRule, toRuleDto, toRuleListDto } from './rule.mapper.js';

@ApiTags('rules')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto, description: 'Names the offending fields, e.g. when.all.1.value for an invalid regex or then.0.type for an unknown action' })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('rules')
export class RulesController {
  constructor(
    @Inject(ListRulesUseCase) private readonly listRules: ListRulesUseCase,
    @Inject(CreateRuleUseCase) private readonly createRule: CreateRuleUseCase,
    @Inject(ReplaceRuleUseCase) private readonly replaceRule: ReplaceRuleUseCase,
    @Inject(DeleteRuleUseCase) private readonly deleteRule: DeleteRuleUseCase,
    @Inject(DryRunRulesUseCase) private readonly dryRunRules: DryRunRulesUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Routing rules in evaluation order (admin, lead)' })
  @ApiOkResponse({ type: RuleListDto })
  async list(): Promise<RuleListDto> {
    return toRuleListDto(await this.listRules.list());
  }

  @Post()
  @ApiOperation({ summary: 'Add a rule (admin, lead); the router applies it from its next mail' })
  @ApiCreatedResponse({ type: RuleDto })
  async create(@CurrentCaller() caller: Caller, @Body() body: RuleInputDto): Promise<RuleDto> {
    const rule = await this.createRule.execute(caller, body);
    noteChange({ details: auditedRule(rule) });
    return toRuleDto(rule);
  }

  @Post('dry-run')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Which rules match a message and what would happen, changing nothing (admin, lead)' })
  @ApiOkResponse({ type: DryRunResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such raw message, or one the caller may not read' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: "The message cannot be parsed; the message says the parser's reason" })
  async dryRun(@CurrentCaller() caller: Caller, @Body() body: DryRunRequestDto): Promise<DryRunResultDto> {
    const run = await this.dryRunRules.execute(caller, body);
    noteChange({
      subject: body.rawMessageId ? `raw_message:${body.rawMessageId}` : 'rule:dry-run',
      ticketIds: run.ticket ? [run.ticket.id] : [],
      queueId: run.ticket?.queueId ?? null,
      details: { source: body.rawMessageId ? 'rawMessage' : 'mime', ruleSet: run.ruleSet, matched: run.evaluation.matched.map((m) => m.ruleId) },
    });
    return toDryRunResultDto(run);
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RuleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id') id: string): Promise<RuleDto> {
    return toRuleDto(await this.listRules.get(id));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a rule (admin, lead); an omitted position keeps its place, an omitted enabled is true' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RuleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async replace(@Param('id') id: string, @Body() body: RuleInputDto): Promise<RuleDto> {
    const { before, after } = await this.replaceRule.execute(id, body);
    noteChange({ details: changedFields(auditedRule(before), auditedRule(after), ['name', 'position', 'enabled', 'when', 'then']) });
    return toRuleDto(after);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async delete(@Param('id') id: string): Promise<void> {
    const deleted = await this.deleteRule.execute(id);
    noteChange({ details: auditedRule(deleted) });
  }
}
