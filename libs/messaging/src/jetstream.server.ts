import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { lastValueFrom } from 'rxjs';
import type { Logger } from 'pino';
import { STREAM_NAME } from '@casework/contracts';
import type { NewDeadLetter } from '@casework/database';
import { eventHandlingSeconds, eventsHandled } from '@casework/observability';
import { dispositionOf, readEnvelope, type EventFailure, type UnreadableEnvelope } from './event-disposition.js';
import { connectNats, ensureStream, isNotFound, retryingTransient, warnNotLowered } from './nats-connection.js';

/** What a dead letter keeps of the event. */
type DeadEvent = Pick<UnreadableEnvelope, 'object' | 'eventId'>;

export class JetStreamContext extends BaseRpcContext<[JsMsg]> {
  get message(): JsMsg {
    return this.args[0];
  }
}

/** Extras accepted by `@EventPattern(subject, { concurrency })`. */
export interface JetStreamHandlerExtras {
  /** Events of this subject handled at once by this process (default 1: in order). */
  concurrency?: number;
}

export interface JetStreamServerOptions {
  natsUrl: string;
  /** Durable consumer names are `<service>_<subject>`: replicas of a service share the work. */
  serviceName: string;
  logger: Logger;
  /** NATS_STREAM_REPLICAS (default 1). */
  streamReplicas?: number;
  ackWaitMs?: number;
  /** Deliveries before an event that keeps failing becomes a dead letter (default 10). */
  maxDeliver?: number;
  /** Stores an event given up on; a failure to store leaves it to be redelivered. */
  deadLetters?: DeadLetterSink;
}

/** Where given-up events go (the dead_letter table in the services). */
export type DeadLetterSink = (letter: NewDeadLetter) => Promise<void>;

const DEFAULT_MAX_DELIVER = 10;
// The server's own limit sits above ours, so an event whose dead letter could not be stored
// (the database is down) is still redelivered a few times, yet never forever.
const SERVER_EXTRA_DELIVERIES = 5;

/**
 * Nest transport over JetStream durable pull consumers, so handlers are plain
 * `@EventPattern('casework.…')` methods. A message is acked only after its handler
 * resolved (the handler commits first); a throw naks it with a growing delay, and after
 * `maxDeliver` deliveries (or at once, for an envelope that cannot be read) it is recorded as
 * a dead letter and terminated (dispositionOf).
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private nc: NatsConnection | null = null;
  private readonly subscriptions: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.nc = await connectNats(this.options.natsUrl, `casework-${this.options.serviceName}-consumer`);
      await ensureStream(this.nc, this.options.streamReplicas, (current) => warnNotLowered(this.options.logger, current, this.options.streamReplicas ?? 1));
      for (const [subject, handler] of this.messageHandlers) {
        if (handler.isEventHandler) await this.consume(subject, handler);
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async consume(subject: string, handler: MessageHandler): Promise<void> {
    const nc = this.nc!;
    const durable = `${this.options.serviceName}_${subject.replace(/[.*>]/g, '_')}`;
    const config = {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_deliver: this.maxDeliver + SERVER_EXTRA_DELIVERIES,
      max_ack_pending: 1000,
    };
    // A cluster electing leaders, or another replica creating the same consumer: retried.
    await retryingTransient(async () => {
      const jsm = await jetstreamManager(nc, { timeout: 5000 });
      try {
        await jsm.consumers.info(STREAM_NAME, durable);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await jsm.consumers.add(STREAM_NAME, config);
        return;
      }
      await jsm.consumers.update(STREAM_NAME, durable, { ack_wait: config.ack_wait, max_ack_pending: config.max_ack_pending, max_deliver: config.max_deliver });
    });
    const consumer = await retryingTransient(() => jetstream(nc).consumers.get(STREAM_NAME, durable));
    const concurrency = Math.max(1, (handler.extras as JetStreamHandlerExtras | undefined)?.concurrency ?? 1);
    const messages = await consumer.consume({ max_messages: Math.max(16, concurrency * 4), expires: 5000 });
    this.subscriptions.push(messages);
    this.loops.push(this.drain(messages, durable, handler, concurrency));
  }

  private async drain(messages: ConsumerMessages, durable: string, handler: MessageHandler, concurrency: number): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for await (const message of messages) {
      const task = this.handle(message, durable, handler).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private get maxDeliver(): number {
    return this.options.maxDeliver ?? DEFAULT_MAX_DELIVER;
  }

  private async handle(message: JsMsg, durable: string, handler: MessageHandler): Promise<void> {
    const stopTimer = eventHandlingSeconds.startTimer({ consumer: durable });
    try {
      const read = readEnvelope(message.string(), message.subject);
      if (!('envelope' in read)) {
        await this.settle(message, durable, { kind: 'unreadable', reason: read.reason }, read);
        return;
      }
      const { envelope } = read;
      try {
        // Nest chains several @EventPattern methods of one subject through `next`: run them all
        // before the ack (each guards itself with its own processed_event consumer name).
        for (let current: MessageHandler | undefined = handler; current; current = current.next) {
          const result = await current(envelope, new JetStreamContext([message]));
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        }
        message.ack();
        eventsHandled.inc({ consumer: durable, outcome: 'ok' });
      } catch (error) {
        await this.settle(message, durable, { kind: 'handlerFailed', error }, { object: envelope, eventId: envelope.id });
      }
    } finally {
      stopTimer();
    }
  }

  /** Does what `dispositionOf` decides for a failed delivery: nak with a delay, or dead-letter. */
  private async settle(message: JsMsg, durable: string, failure: EventFailure, event: DeadEvent): Promise<void> {
    const delivery = message.info.deliveryCount;
    const disposition = dispositionOf(failure, delivery, this.maxDeliver);
    const err = failure.kind === 'handlerFailed' ? failure.error : undefined;
    const context = { err, consumer: durable, eventId: event.eventId, delivery };
    if (disposition.kind === 'retry') {
      this.options.logger.warn({ ...context, retryInMs: disposition.delayMs }, 'event handler failed; will retry');
      message.nak(disposition.delayMs);
      eventsHandled.inc({ consumer: durable, outcome: 'retry' });
      return;
    }
    if (err !== undefined) this.options.logger.error(context, 'event handler failed; dead-lettering the event');
    await this.giveUp(message, durable, disposition.reason, event);
    eventsHandled.inc({ consumer: durable, outcome: failure.kind === 'unreadable' ? 'unreadable' : 'dead_letter' });
  }

  /** Records the dead letter, then terminates the message; unrecorded, it is left to redeliver. */
  private async giveUp(message: JsMsg, durable: string, reason: string, { object, eventId }: DeadEvent): Promise<void> {
    try {
      await this.options.deadLetters?.({
        consumer: durable,
        subject: message.subject,
        streamSeq: message.seq,
        eventId,
        envelope: object,
        // Kept only when it is not JSON, for an operator to look at; bounded.
        rawPayload: object === null ? message.string().slice(0, 65_536) : null,
        error: reason,
        deliveries: message.info.deliveryCount,
      });
    } catch (error) {
      this.options.logger.error({ err: error, consumer: durable, seq: message.seq }, 'could not record a dead letter; will retry');
      message.nak(5000);
      return;
    }
    this.options.logger.error({ consumer: durable, seq: message.seq, eventId, reason }, 'event dead-lettered');
    message.term(reason.slice(0, 200));
  }

  async close(): Promise<void> {
    for (const messages of this.subscriptions) messages.stop();
    await Promise.allSettled(this.loops);
    await this.nc?.drain().catch(() => undefined);
    this.nc = null;
  }

  on(): never {
    throw new Error('JetStreamServer does not emit events');
  }

  unwrap<T>(): T {
    if (!this.nc) throw new Error('JetStreamServer is not listening');
    return this.nc as T;
  }
}
