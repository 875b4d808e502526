import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { IngestSettings } from '@casework/config';
import { DatabaseModule } from '@casework/database';
import { MessagingModule, NatsConnectionHolder } from '@casework/messaging';
import { LoggerModule, ObservabilityModule } from '@casework/observability';
import { INGEST_SETTINGS } from './ingest.tokens.js';
import { MailboxSupervisorService } from './mailbox-supervisor.service.js';
import { MailStoreService } from './mail-store.service.js';
import { SmtpListenerService } from './smtp-listener.service.js';
import { SmtpPushUseCase } from './smtp-push.use-case.js';

@Module({})
export class IngestModule {
  static register(settings: IngestSettings, logger: Logger): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        LoggerModule.forRoot(logger),
        DatabaseModule.forRoot({ url: settings.DATABASE_URL, applicationName: 'casework-ingest' }),
        MessagingModule.forRoot({ natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS, serviceName: 'ingest' }),
        ObservabilityModule.register({ dataSource: DataSource, nats: NatsConnectionHolder, imports: [] }),
      ],
      providers: [{ provide: INGEST_SETTINGS, useValue: settings }, MailStoreService, MailboxSupervisorService, SmtpPushUseCase, SmtpListenerService],
    };
  }
}
