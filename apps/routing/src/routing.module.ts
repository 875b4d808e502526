import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { DatabaseModule } from '@casework/database';
import { MessagingModule, NatsConnectionHolder } from '@casework/messaging';
import { LoggerModule, ObservabilityModule } from '@casework/observability';
import { MailReceivedHandler } from './mail-received.handler.js';
import { RouteMailUseCase } from './route-mail.use-case.js';
import { ROUTING_SETTINGS } from './routing.tokens.js';

@Module({})
export class RoutingModule {
  static register(settings: RoutingSettings, logger: Logger): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        LoggerModule.forRoot(logger),
        DatabaseModule.forRoot({ url: settings.DATABASE_URL, applicationName: 'casework-routing' }),
        MessagingModule.forRoot({ natsUrl: settings.NATS_URL, serviceName: 'routing' }),
        ObservabilityModule.register({ dataSource: DataSource, nats: NatsConnectionHolder, imports: [] }),
      ],
      controllers: [MailReceivedHandler],
      providers: [{ provide: ROUTING_SETTINGS, useValue: settings }, RouteMailUseCase],
    };
  }
}
