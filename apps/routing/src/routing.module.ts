import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { RoutingSettings } from '@casework/config';
import { DatabaseModule } from '@casework/database';
import { MailParserPool } from '@casework/mail';
import { MessagingModule, NatsConnectionHolder } from '@casework/messaging';
import { LoggerModule, ObservabilityModule } from '@casework/observability';
import { HashListScreen } from './hash-list-screen.js';
import { InboundArticles } from './inbound-articles.js';
import { InboundMailWriter } from './inbound-mail-writer.js';
import { MailBatchPreparer } from './mail-batch-preparer.js';
import { mailParserPoolProvider } from './mail-parser.provider.js';
import { MailReceivedHandler } from './mail-received.handler.js';
import { RawMessageReconcilerService } from './raw-message-reconciler.service.js';
import { RouteMailUseCase } from './route-mail.use-case.js';
import { RoutingContextLoader } from './routing-context-loader.js';
import { RoutingSignals } from './routing-signals.js';
import { ROUTING_SETTINGS } from './routing.tokens.js';

@Module({})
export class RoutingModule implements OnApplicationShutdown {
  constructor(@Inject(MailParserPool) private readonly parser: MailParserPool) {}

  static register(settings: RoutingSettings, logger: Logger): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        LoggerModule.forRoot(logger),
        DatabaseModule.forRoot({ url: settings.DATABASE_URL, applicationName: 'casework-routing' }),
        MessagingModule.forRoot({ natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS, serviceName: 'routing' }),
        ObservabilityModule.register({ dataSource: DataSource, nats: NatsConnectionHolder, imports: [] }),
      ],
      controllers: [MailReceivedHandler],
      providers: [
        { provide: ROUTING_SETTINGS, useValue: settings },
        mailParserPoolProvider(settings),
        RoutingSignals,
        RoutingContextLoader,
        HashListScreen,
        MailBatchPreparer,
        InboundArticles,
        InboundMailWriter,
        RouteMailUseCase,
        RawMessageReconcilerService,
      ],
    };
  }

  /** Runs after the JetStream consumers stopped (the app disposes them first): no parse is cut short. */
  onApplicationShutdown(): Promise<void> {
    return this.parser.close();
  }
}
