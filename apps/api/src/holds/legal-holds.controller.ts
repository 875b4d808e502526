import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { isHoldActive, type LegalHold } from '@casework/domain';
import { noteChange } from '../audit/audit-context.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto.js';
import { LegalHoldDto, LegalHoldListDto, ListHoldsQueryDto, PlaceHoldDto } from './holds.dto.js';
import { LegalHoldsUseCase, type HoldOutcome } from './legal-holds.use-case.js';

/**
 * Legal holds (leads and admins). Their reasons are what a court or a hotline asked for: unlike
 * case content they go into the audit trail, so who protected or released what, and why, is
 * on the tamper-evident record.
 */
@ApiTags('holds')
@ApiBadRequestResponse({ type: ValidationErrorResponseDto })
@Controller()
export class LegalHoldsController {
  constructor(@Inject(LegalHoldsUseCase) private readonly holds: LegalHoldsUseCase) {}

  @Post('tickets/:id/holds')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Place a legal hold on a ticket: it cannot be deleted, purged, merged away or erased while the hold applies' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: LegalHoldDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'HoldRefused: the ticket was deleted (only its tombstone is left) or merged into another' })
  async placeOnTicket(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: PlaceHoldDto): Promise<LegalHoldDto> {
    return this.noted(await this.holds.placeOnTicket(caller, id, body.reason, body.until ? new Date(body.until) : null), [id]);
  }

  @Post('contacts/:id/holds')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: "Place a legal hold on a person: every ticket they are the requester of, present and future" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: LegalHoldDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async placeOnContact(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: PlaceHoldDto): Promise<LegalHoldDto> {
    return this.noted(await this.holds.placeOnContact(caller, id, body.reason, body.until ? new Date(body.until) : null), []);
  }

  @Get('holds')
  @ApiOperation({ summary: 'Active holds (or all with includeInactive), of the tickets the caller sees and of people' })
  @ApiOkResponse({ type: LegalHoldListDto })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListHoldsQueryDto): Promise<LegalHoldListDto> {
    const holds = await this.holds.list(caller, { ticketId: query.ticketId, contactId: query.contactId, includeInactive: query.includeInactive ?? false });
    return { items: holds.map(toHoldDto) };
  }

  @Get('holds/:id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: LegalHoldDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<LegalHoldDto> {
    return toHoldDto((await this.holds.get(caller, id)).hold);
  }

  @Delete('holds/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Release a hold (kept, with who released it and when); releasing a released hold changes nothing' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async release(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    const outcome = await this.holds.release(caller, id);
    this.noted(outcome, outcome.hold.ticketId ? [outcome.hold.ticketId] : []);
  }

  private noted({ hold, queueId }: HoldOutcome, ticketIds: string[]): LegalHoldDto {
    noteChange({
      subject: `hold:${hold.id}`,
      queueId,
      ticketIds,
      details: { holdId: hold.id, ticketId: hold.ticketId, contactId: hold.contactId, reason: hold.reason, until: hold.until?.toISOString() ?? null },
    });
    return toHoldDto(hold);
  }
}

export function toHoldDto(hold: LegalHold): LegalHoldDto {
  return {
    id: hold.id,
    scope: hold.ticketId ? 'ticket' : 'contact',
    ticketId: hold.ticketId,
    contactId: hold.contactId,
    reason: hold.reason,
    until: hold.until?.toISOString() ?? null,
    active: isHoldActive(hold, new Date()),
    createdById: hold.createdById,
    createdAt: hold.createdAt.toISOString(),
    releasedAt: hold.releasedAt?.toISOString() ?? null,
    releasedById: hold.releasedById,
  };
}
