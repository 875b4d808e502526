import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { ArticleDto } from '../tickets/dto/ticket-detail.dto.js';
import { TicketDto } from '../tickets/dto/ticket.dto.js';
import { GetTicketUseCase } from '../tickets/get-ticket.use-case.js';
import { toArticleDto, toTicketDto } from '../tickets/ticket.mapper.js';
import { AddNoteUseCase } from './add-note.use-case.js';
import { AssignTicketUseCase } from './assign-ticket.use-case.js';
import { DraftsService } from './drafts.service.js';
import { ClaimDto, CreateNoteDto, DraftDto, ReplaceTagsDto, SaveDraftDto, TicketTagsDto } from './dto/workspace.dto.js';
import { TagsUseCase } from './tags.use-case.js';

/** A specialist's own work on one ticket: notes, claiming it, its tags, their draft reply. */
@ApiTags('tickets')
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('tickets')
export class WorkspaceController {
  constructor(
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(AddNoteUseCase) private readonly notes: AddNoteUseCase,
    @Inject(AssignTicketUseCase) private readonly assignment: AssignTicketUseCase,
    @Inject(TagsUseCase) private readonly tags: TagsUseCase,
    @Inject(DraftsService) private readonly drafts: DraftsService,
    @Inject(GetTicketUseCase) private readonly tickets: GetTicketUseCase,
  ) {}

  @Post(':id/notes')
  @ApiOperation({ summary: 'An internal note: never mailed, never shown to the requester' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: ArticleDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'TicketChanged: an article was added after ifLastArticleId; newArticles lists them' })
  async addNote(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() note: CreateNoteDto): Promise<ArticleDto> {
    const { queueId } = await this.access.requireTicket(caller, id, 'write');
    const added = await this.notes.execute({ ticketId: id, queueId, authorId: caller.userId, body: note.body, ifLastArticleId: note.ifLastArticleId });
    noteChange({ queueId, details: { articleId: added.id } });
    return toArticleDto(added);
  }

  @Post(':id/claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Assign the ticket to the caller; 409 while someone else holds it, unless a lead sends force' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'AssignmentRefused' })
  async claim(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() claim: ClaimDto): Promise<TicketDto> {
    const { queueId } = await this.access.requireTicket(caller, id, 'write');
    const { before } = await this.assignment.claim(caller, id, claim.force === true);
    noteChange({ queueId, details: { assignee: { before, after: caller.userId }, forced: claim.force === true && before !== null && before !== caller.userId } });
    return toTicketDto((await this.tickets.execute(caller, id)).ticket);
  }

  @Put(':id/tags')
  @ApiOperation({ summary: "Replace the ticket's tags (lower-case slugs, at most 20)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketTagsDto })
  async replaceTags(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: ReplaceTagsDto): Promise<TicketTagsDto> {
    const { queueId } = await this.access.requireTicket(caller, id, 'write');
    const { before, tags } = await this.tags.replace(caller, id, body.tags);
    noteChange({ queueId, details: { tags: { before, after: tags } } });
    return { tags };
  }

  @Get(':id/draft')
  @ApiOperation({ summary: "The caller's own unsent draft on this ticket" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: DraftDto })
  async getDraft(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<DraftDto> {
    await this.access.requireTicket(caller, id, 'write');
    return toDraftDto(await this.drafts.get(id, caller.userId));
  }

  @Put(':id/draft')
  @ApiOperation({ summary: "Save the caller's draft reply (replaces the previous one)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: DraftDto })
  async saveDraft(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() draft: SaveDraftDto): Promise<DraftDto> {
    const { queueId } = await this.access.requireTicket(caller, id, 'write');
    noteChange({ queueId, details: { length: draft.body.length, ccLength: draft.cc?.length ?? 0 } });
    return toDraftDto(await this.drafts.save(id, caller.userId, draft));
  }

  @Delete(':id/draft')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Discard the caller's draft" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  async deleteDraft(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    const { queueId } = await this.access.requireTicket(caller, id, 'write');
    noteChange({ queueId, details: {} });
    await this.drafts.delete(id, caller.userId);
  }
}

function toDraftDto(draft: { body: string; cc: string; updatedAt: Date }): DraftDto {
  return { body: draft.body, cc: draft.cc, updatedAt: draft.updatedAt.toISOString() };
}
