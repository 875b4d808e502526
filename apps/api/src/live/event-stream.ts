import { once } from 'node:events';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { TicketScope } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { parseEnvelope, toLiveEvent } from './live-event.mapper.js';
import type { TicketPlacements } from './ticket-placements.js';

/** What a stream asks while it lasts: is the credential still good, and what may its caller see now. */
export interface StreamChecks {
  /** The caller the credential speaks for now; null: it no longer authenticates. */
  reauthenticate(): Promise<Caller | null>;
  scopeOf(caller: Caller): Promise<TicketScope>;
}

export interface EventStreamParts {
  response: Response;
  caller: Caller;
  scope: TicketScope;
  consumer: Consumer;
  messages: ConsumerMessages;
  checks: StreamChecks;
  placements: TicketPlacements;
  recheckMs: number;
  heartbeatMs: number;
  logger: Logger;
}

/**
 * One client's `/events`: a JetStream ordered consumer read in order, each ticket event the
 * caller may see written as an SSE message (`id:` its stream sequence). Every `recheckMs` the
 * credential is authenticated again and the caller's access reloaded: a revoked token or a
 * disabled user ends the stream, a withdrawn grant hides that queue's events from then on.
 */
export class EventStream {
  readonly userId: string;
  private scope: TicketScope;
  private done = false;
  private rechecking = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly ended: Promise<void>;
  private endStream!: () => void;

  constructor(private readonly parts: EventStreamParts) {
    this.userId = parts.caller.userId;
    this.scope = parts.scope;
    this.ended = new Promise((resolve) => (this.endStream = resolve));
  }

  /** Sends the headers and starts forwarding; resolves when the stream has ended and its consumer is gone. */
  run(): Promise<void> {
    const { response } = this.parts;
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    // The connection ends with the stream: left open for reuse, the HTTP server's close at shutdown would wait on it.
    response.setHeader('Connection', 'close');
    // Proxies such as nginx would otherwise buffer the stream.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(': connected\n\n');
    response.on('close', () => void this.close('client left'));
    this.timers.push(setInterval(() => void this.write(': heartbeat\n\n'), this.parts.heartbeatMs));
    this.timers.push(setInterval(() => void this.recheck(), this.parts.recheckMs));
    void this.pump();
    return this.ended;
  }

  /** Ends the stream (idempotent): timers, the response, the server's consumer. */
  async close(reason: string): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const timer of this.timers) clearInterval(timer);
    if (!this.parts.response.writableEnded) this.parts.response.end();
    this.parts.logger.debug({ userId: this.userId, reason }, 'event stream closed');
    await this.parts.messages.close().catch(() => undefined);
    // Ordered consumers are ephemeral; deleting it now spares the server its inactivity timeout.
    await this.parts.consumer.delete().catch(() => undefined);
    this.endStream();
  }

  private async pump(): Promise<void> {
    try {
      for await (const message of this.parts.messages) {
        if (this.done) break;
        await this.forward(message);
      }
    } catch (error) {
      if (!this.done) this.parts.logger.warn({ err: error, userId: this.userId }, 'event stream failed: closed, the client resumes with Last-Event-ID');
    } finally {
      await this.close('consumer ended');
    }
  }

  private async forward(message: JsMsg): Promise<void> {
    const envelope = parseEnvelope(message.string());
    const live = envelope && toLiveEvent(envelope);
    if (!envelope || !live) return;
    const { placements } = this.parts;
    if (live.placedIn) placements.observed(live.ticketId, live.placedIn);
    const looked = !live.queueIds || live.lookUp ? await placements.queueOf(live.ticketId) : null;
    const queueIds = [...(live.queueIds ?? []), ...(looked ? [looked] : [])];
    // Read the scope after the look-up: a recheck may have replaced it meanwhile.
    if (!queueIds.some((queueId) => this.scope.of(queueId).view !== 'none')) return;
    const data = { ...live.data, queueId: live.data.queueId ?? looked ?? queueIds[0], eventId: envelope.id, occurredAt: envelope.occurredAt };
    await this.write(`id: ${message.seq}\nevent: ${live.event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private async write(chunk: string): Promise<void> {
    const { response } = this.parts;
    if (this.done || response.writableEnded) return;
    // A slow reader holds its own consumer back (pull-based), not the others.
    if (!response.write(chunk)) await Promise.race([once(response, 'drain'), this.ended]);
  }

  private async recheck(): Promise<void> {
    if (this.rechecking || this.done) return;
    this.rechecking = true;
    try {
      const caller = await this.parts.checks.reauthenticate();
      if (!caller) return await this.close('credential no longer authenticates');
      this.scope = await this.parts.checks.scopeOf(caller);
    } catch (error) {
      // Access cannot be confirmed: stop rather than stream on stale rights; the client resumes.
      this.parts.logger.warn({ err: error, userId: this.userId }, 'event stream could not recheck its access: closed');
      await this.close('recheck failed');
    } finally {
      this.rechecking = false;
    }
  }
}
