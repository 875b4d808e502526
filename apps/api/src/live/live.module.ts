import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiSettings } from '@casework/config';
import { EventStreamsService } from './event-streams.service.js';
import { EventsController } from './events.controller.js';
import { LIVE_OPTIONS, liveOptionsOf } from './live-options.js';
import { PresenceController } from './presence.controller.js';
import { PresenceService } from './presence.service.js';
import { TicketPlacements } from './ticket-placements.js';

/** Live updates (`GET /events`) and presence (`POST /tickets/:id/presence`). */
@Module({})
export class LiveModule {
  static register(config: ApiSettings): DynamicModule {
    return {
      module: LiveModule,
      controllers: [EventsController, PresenceController],
      providers: [{ provide: LIVE_OPTIONS, useValue: liveOptionsOf(config) }, TicketPlacements, EventStreamsService, PresenceService],
    };
  }
}
