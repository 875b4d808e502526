import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { dkimOf, type TemplateReplySettings } from '@casework/config';
import { DatabaseModule } from '@casework/database';
import { SmtpMailer } from '@casework/mail';
import { MessagingModule, NatsConnectionHolder } from '@casework/messaging';
import { LoggerModule, ObservabilityModule } from '@casework/observability';
import { AcknowledgeTicketUseCase } from './acknowledge-ticket.use-case.js';
import { OutboundSenderService } from './outbound-sender.service.js';
import { TemplateReplyHandler } from './template-reply.handler.js';
import { TEMPLATE_REPLY_SETTINGS } from './template-reply.tokens.js';

@Module({})
export class TemplateReplyModule {
  static register(settings: TemplateReplySettings, logger: Logger): DynamicModule {
    return {
      module: TemplateReplyModule,
      imports: [
        LoggerModule.forRoot(logger),
        DatabaseModule.forRoot({ url: settings.DATABASE_URL, applicationName: 'casework-template-reply' }),
        MessagingModule.forRoot({ natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS, serviceName: 'template-reply' }),
        ObservabilityModule.register({ dataSource: DataSource, nats: NatsConnectionHolder, imports: [] }),
      ],
      controllers: [TemplateReplyHandler],
      providers: [
        { provide: TEMPLATE_REPLY_SETTINGS, useValue: settings },
        {
          provide: SmtpMailer,
          useValue: SmtpMailer.fromSettings({ ...settings, dkim: dkimOf(settings) }),
        },
        OutboundSenderService,
        AcknowledgeTicketUseCase,
      ],
    };
  }
}
