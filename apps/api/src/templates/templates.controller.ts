import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { changedFields, noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { PreviewDto, PreviewTemplateDto } from './dto/preview.dto.js';
import { CreateTemplateDto, ListTemplatesQueryDto, TemplateDto, TemplateListDto, TemplateTextDto, TemplateVersionListDto } from './dto/template.dto.js';
import { PreviewTemplateUseCase } from './preview-template.use-case.js';
import { ReadTemplatesUseCase } from './read-templates.use-case.js';
import { SaveTemplateUseCase } from './save-template.use-case.js';
import { toTemplateDto, toTemplateVersionDto } from './template.mapper.js';

@ApiTags('templates')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto, description: 'Names the fields; a template problem names its part, line, column and the variable, helper or partial at fault' })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('templates')
export class TemplatesController {
  constructor(
    @Inject(ReadTemplatesUseCase) private readonly reads: ReadTemplatesUseCase,
    @Inject(SaveTemplateUseCase) private readonly saves: SaveTemplateUseCase,
    @Inject(PreviewTemplateUseCase) private readonly previews: PreviewTemplateUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The template library: messages, snippets (canned replies) and partials, global and per-queue overrides' })
  @ApiOkResponse({ type: TemplateListDto })
  async list(@Query() query: ListTemplatesQueryDto): Promise<TemplateListDto> {
    return { items: (await this.reads.list(query)).map(toTemplateDto) };
  }

  @Post()
  @ApiOperation({ summary: 'Add a template (admin, lead): key × locale, global or for a queue; checked against the known variables' })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A live template has this key, locale and queue' })
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateTemplateDto): Promise<TemplateDto> {
    const template = await this.saves.create(body, caller.userId);
    noteChange({ subject: `template:${template.id}`, queueId: template.queueId, details: { key: template.key, locale: template.locale, kind: template.kind, version: template.version } });
    return toTemplateDto(template);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One template, its newest version' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id') id: string): Promise<TemplateDto> {
    return toTemplateDto(await this.reads.get(id));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Save a new version (admin, lead): subject, text, html' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TemplateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async replace(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: TemplateTextDto): Promise<TemplateDto> {
    const { before, after } = await this.saves.replace(id, body, caller.userId);
    // Which parts changed and the versions, never the texts.
    noteChange({ subject: `template:${id}`, queueId: after.queueId, details: { version: { before: before.version, after: after.version }, changed: Object.keys(changedFields(before, after, ['subject', 'text', 'html'])) } });
    return toTemplateDto(after);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a template (admin, lead); its versions stay for the mail that names them. The global system templates cannot be deleted' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async delete(@Param('id') id: string): Promise<void> {
    const template = await this.saves.delete(id);
    noteChange({ subject: `template:${id}`, queueId: template.queueId, details: { key: template.key, locale: template.locale, kind: template.kind } });
  }

  @Get(':id/versions')
  @ApiOperation({ summary: "A template's versions, newest first" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TemplateVersionListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async versions(@Param('id') id: string): Promise<TemplateVersionListDto> {
    return { items: (await this.reads.versions(id)).map(toTemplateVersionDto) };
  }

  @Post(':id/preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Render a template (or unsaved texts for it) for a ticket you may read, or a sample: {subject, text, html, locale, missing}' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PreviewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async preview(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: PreviewTemplateDto): Promise<PreviewDto> {
    const preview = await this.previews.execute(caller, id, body);
    noteChange({ subject: `template:${id}`, ticketIds: body.ticketId ? [body.ticketId] : [], details: { ticketId: body.ticketId ?? null, draft: body.text !== undefined || body.subject !== undefined || body.html !== undefined } });
    return preview;
  }
}
