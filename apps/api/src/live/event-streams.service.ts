import { HttpException, HttpStatus, Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { STREAM_NAME, STREAM_SUBJECTS } from '@casework/contracts';
import { NatsConnectionHolder } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { TicketAccessService } from '../access/ticket-access.service.js';
import { WebSessions } from '../sessions/web-sessions.service.js';
import { Authenticator } from '../auth/authenticator.service.js';
import type { Caller } from '../auth/caller.js';
import { EventStream } from './event-stream.js';
import { LIVE_OPTIONS, type LiveOptions } from './live-options.js';
import { StreamSlots } from './stream-slots.js';
import { TicketPlacements } from './ticket-placements.js';

/** What a stream presented: a bearer credential, or the web inbox's session id. Kept only to authenticate it again; never logged. */
export type StreamCredential = { bearer: string } | { session: string };

/** Pulled ahead per stream: enough to catch up quickly after a resume, little to hold per client. */
const MAX_MESSAGES_AHEAD = 256;

/** Opens `/events` streams (one ordered consumer each) and ends them all at shutdown. */
@Injectable()
export class EventStreamsService implements BeforeApplicationShutdown {
  private readonly streams = new Set<EventStream>();
  private readonly slots: StreamSlots;
  private readonly js: JetStreamClient;
  private manager: JetStreamManager | null = null;
  private readonly log: Logger;

  constructor(
    @Inject(NatsConnectionHolder) private readonly nats: NatsConnectionHolder,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(WebSessions) private readonly sessions: WebSessions,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(TicketPlacements) private readonly placements: TicketPlacements,
    @Inject(LIVE_OPTIONS) private readonly options: LiveOptions,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.slots = new StreamSlots(options.streamsPerUser);
    this.js = jetstream(nats.connection(), { timeout: 5000 });
    this.log = logger.child({ component: 'event-streams' });
  }

  /** A bearer credential through the Authenticator; a session through its row (it ends with its token, its user, or its timeouts). */
  private reauthenticate(credential: StreamCredential): Promise<Caller | null> {
    return 'bearer' in credential ? this.authenticator.authenticate(credential.bearer) : this.sessions.callerOf(credential.session);
  }

  /**
   * Streams to `response` from the stream sequence after `lastEventId` (null: from now on).
   * Throws (before anything is written) 429 over the caller's cap; resolves once streaming has begun.
   */
  /** `credential`: what the stream presented (a bearer credential, or the web inbox's session id), to authenticate it again while it lasts. */
  async open(caller: Caller, credential: StreamCredential, lastEventId: number | null, response: Response): Promise<void> {
    if (!this.slots.take(caller.userId)) {
      const status = HttpStatus.TOO_MANY_REQUESTS;
      response.setHeader('Retry-After', '5');
      throw new HttpException(
        { statusCode: status, error: 'Too Many Requests', code: 'TooManyStreams', message: `at most ${this.options.streamsPerUser} open event streams per user; close one first` },
        status,
      );
    }
    let stream: EventStream;
    try {
      const [scope, next] = await Promise.all([this.access.scopeOf(caller), this.nextSequence()]);
      // An id past the stream's end (e.g. from before the stream was recreated) would wait silently for it: start with new events instead.
      const startSequence = lastEventId === null ? next : Math.min(lastEventId + 1, next);
      // The consumer exists before the answer's headers leave: whatever happens after the client sees them is streamed.
      const consumer = await this.js.consumers.get(STREAM_NAME, { filter_subjects: STREAM_SUBJECTS[0], opt_start_seq: startSequence });
      const messages = await consumer.consume({ max_messages: MAX_MESSAGES_AHEAD });
      stream = new EventStream({
        response,
        caller,
        scope,
        consumer,
        messages,
        checks: { reauthenticate: () => this.reauthenticate(credential), scopeOf: (again) => this.access.scopeOf(again) },
        placements: this.placements,
        recheckMs: this.options.recheckMs,
        heartbeatMs: this.options.heartbeatMs,
        logger: this.log,
      });
    } catch (error) {
      this.slots.give(caller.userId);
      throw error;
    }
    this.streams.add(stream);
    void stream.run().finally(() => {
      this.streams.delete(stream);
      this.slots.give(stream.userId);
    });
  }

  /** Open streams hold their responses: end them, or the HTTP server's close would wait for every client. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.streams].map((stream) => stream.close('shutting down')));
  }

  /** The sequence the next published event will get. */
  private async nextSequence(): Promise<number> {
    this.manager ??= await jetstreamManager(this.nats.connection(), { timeout: 5000 });
    const info = await this.manager.streams.info(STREAM_NAME);
    return info.state.last_seq + 1;
  }
}
