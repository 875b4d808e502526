import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '@casework/observability';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { connectNats, ensureStream, warnNotLowered } from './nats-connection.js';
import { OutboxRelay } from './outbox-relay.js';
import { UnitOfWork } from './unit-of-work.js';

/** The process's publishing connection to NATS. */
export class NatsConnectionHolder {
  constructor(private readonly nc: NatsConnection) {}

  connection(): NatsConnection {
    return this.nc;
  }
}

@Injectable()
class MessagingShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(NatsConnectionHolder) private readonly nats: NatsConnectionHolder,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.nats.connection().drain().catch(() => undefined);
  }
}

/** Publishing side of messaging: NATS connection, outbox relay, unit of work. */
@Global()
@Module({})
export class MessagingModule {
  /** `streamReplicas`: NATS_STREAM_REPLICAS (default 1). */
  static forRoot(options: { natsUrl: string; serviceName: string; streamReplicas?: number }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: NatsConnectionHolder,
          useFactory: async (logger: Logger) => {
            const nc = await connectNats(options.natsUrl, `casework-${options.serviceName}`);
            await ensureStream(nc, options.streamReplicas, (current) => warnNotLowered(logger, current, options.streamReplicas ?? 1));
            return new NatsConnectionHolder(nc);
          },
          inject: [LOGGER],
        },
        {
          provide: JetStreamPublisher,
          useFactory: (nats: NatsConnectionHolder) => new JetStreamPublisher(nats.connection()),
          inject: [NatsConnectionHolder],
        },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, publisher: JetStreamPublisher, logger: Logger) => {
            const relay = new OutboxRelay(dataSource, publisher, logger.child({ component: 'outbox-relay' }));
            relay.start();
            return relay;
          },
          inject: [DataSource, JetStreamPublisher, LOGGER],
        },
        {
          provide: UnitOfWork,
          useFactory: (dataSource: DataSource, relay: OutboxRelay) => new UnitOfWork(dataSource, relay),
          inject: [DataSource, OutboxRelay],
        },
        MessagingShutdown,
      ],
      exports: [NatsConnectionHolder, JetStreamPublisher, OutboxRelay, UnitOfWork],
    };
  }
}

