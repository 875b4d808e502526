import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { lastValueFrom } from 'rxjs';
import type { Logger } from 'pino';
import { STREAM_NAME, type EventEnvelope } from '@casework/contracts';
import { eventHandlingSeconds, eventsHandled } from '@casework/observability';
import { connectNats, ensureStream } from './nats-connection.js';

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
  ackWaitMs?: number;
}

/**
 * Nest transport over JetStream durable pull consumers, so handlers are plain
 * `@EventPattern('casework.…')` methods. A message is acked only after its handler
 * resolved (the handler commits first); a throw naks it with a growing delay.
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
      await ensureStream(this.nc);
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
    const jsm = await jetstreamManager(nc);
    const config = {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.info(STREAM_NAME, durable);
      await jsm.consumers.update(STREAM_NAME, durable, { ack_wait: config.ack_wait, max_ack_pending: config.max_ack_pending });
    } catch {
      await jsm.consumers.add(STREAM_NAME, config);
    }
    const consumer = await jetstream(nc).consumers.get(STREAM_NAME, durable);
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

  private async handle(message: JsMsg, durable: string, handler: MessageHandler): Promise<void> {
    const stopTimer = eventHandlingSeconds.startTimer({ consumer: durable });
    let envelope: EventEnvelope;
    try {
      envelope = message.json<EventEnvelope>();
    } catch {
      // Not ours to interpret and never will be: stop redelivering it.
      this.options.logger.error({ consumer: durable, seq: message.seq }, 'undecodable event terminated');
      message.term('undecodable');
      eventsHandled.inc({ consumer: durable, outcome: 'undecodable' });
      return;
    }
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
      const delay = Math.min(60_000, 500 * 2 ** Math.min(message.info.deliveryCount, 7));
      this.options.logger.warn({ err: error, consumer: durable, eventId: envelope.id, delivery: message.info.deliveryCount, retryInMs: delay }, 'event handler failed; will retry');
      message.nak(delay);
      eventsHandled.inc({ consumer: durable, outcome: 'retry' });
    } finally {
      stopTimer();
    }
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
