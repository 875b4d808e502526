import { BadRequestException, Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, presentedBearer, type Caller } from '../auth/caller.js';
import { presentedSession } from '../sessions/session-cookie.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { EVENT_ID, EventsQueryDto } from './dto/events-query.dto.js';
import { EventStreamsService, type StreamCredential } from './event-streams.service.js';

@ApiTags('live')
@Controller('events')
export class EventsController {
  constructor(@Inject(EventStreamsService) private readonly streams: EventStreamsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Server-Sent Events: the ticket changes the caller may see (opened, follow-up, note, reply sent or failed, status, priority, assignment, tags, SLA warning and breach, presence), metadata only. ' +
      'Each message: `id:` its JetStream sequence, `event:` e.g. `ticket.status_changed`, `data:` JSON. A comment every 15 s; the stream ends when the token stops authenticating.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id; without it (or ?lastEventId=) the stream starts with new events' })
  @ApiOkResponse({ description: 'The event stream' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'The user holds EVENTS_STREAMS_PER_USER open streams already' })
  async stream(
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res() response: Response,
    @Query() query: EventsQueryDto,
    @Headers('last-event-id') header: string | undefined,
  ): Promise<void> {
    // The header is what a reconnecting EventSource sends, so it wins over the query of the first URL.
    const lastEventId = header !== undefined && header !== '' ? header.trim() : query.lastEventId;
    if (lastEventId !== undefined && !EVENT_ID.test(lastEventId)) throw new BadRequestException('Last-Event-ID must be an event id (a whole number)');
    // The guard let the request in by one of the two: a bearer credential wins, as there.
    const bearer = presentedBearer(request);
    const credential: StreamCredential = bearer !== undefined ? { bearer } : { session: presentedSession(request)! };
    await this.streams.open(caller, credential, lastEventId === undefined ? null : Number(lastEventId), response);
  }
}
