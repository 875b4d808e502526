import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { DEFAULT_PAGE_LIMIT, PageQueryDto } from '../common/page-query.dto.js';
import { TicketPageDto } from '../tickets/dto/ticket.dto.js';
import { ListTicketsUseCase } from '../tickets/list-tickets.use-case.js';
import { toTicketPageDto } from '../tickets/ticket.mapper.js';
import { ContactsUseCase } from './contacts.use-case.js';
import { ContactDto, TagCountsDto } from './dto/workspace.dto.js';
import { TagsUseCase } from './tags.use-case.js';

/** Requesters and their history, and the tags in use. */
@ApiTags('contacts')
@Controller()
export class PeopleController {
  constructor(
    @Inject(ContactsUseCase) private readonly contacts: ContactsUseCase,
    @Inject(ListTicketsUseCase) private readonly tickets: ListTicketsUseCase,
    @Inject(TagsUseCase) private readonly tags: TagsUseCase,
  ) {}

  @Get('contacts/:id')
  @ApiOperation({ summary: 'A requester (shown to callers who read one of their tickets in full)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ContactDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async contact(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<ContactDto> {
    const contact = await this.contacts.get(caller, id);
    return { id: contact.id, email: contact.email, name: contact.name, createdAt: contact.createdAt.toISOString(), ticketCount: contact.ticketCount };
  }

  @Get('contacts/:id/tickets')
  @ApiOperation({ summary: "A requester's tickets across years and queues, newest first (those the caller reads in full)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async contactTickets(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query() query: PageQueryDto): Promise<TicketPageDto> {
    await this.contacts.get(caller, id);
    const page = await this.tickets.execute(caller, { requesterId: id, limit: query.limit ?? DEFAULT_PAGE_LIMIT, cursor: query.cursor });
    return toTicketPageDto(page);
  }

  @Get('tags')
  @ApiTags('tickets')
  @ApiOperation({ summary: 'Tags in use, with how many tickets (that the caller reads in full) carry each' })
  @ApiOkResponse({ type: TagCountsDto })
  async tagCounts(@CurrentCaller() caller: Caller): Promise<TagCountsDto> {
    return { items: await this.tags.counts(caller) };
  }
}
