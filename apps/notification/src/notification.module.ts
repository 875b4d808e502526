import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { dkimOf, type NotificationSettings } from '@casework/config';
import { DatabaseModule } from '@casework/database';
import { SmtpMailer } from '@casework/mail';
import { MessagingModule, NatsConnectionHolder } from '@casework/messaging';
import { LoggerModule, ObservabilityModule } from '@casework/observability';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';
import { OpsMetricsService } from './ops-metrics.service.js';
import { OpsNotifierService } from './ops-notifier.service.js';
import { PagingHandler } from './paging.handler.js';
import { PagingService } from './paging.service.js';
import { RetentionSchedulerService } from './retention-scheduler.service.js';
import { SlaClockEventsUseCase } from './sla-clock-events.use-case.js';
import { SlaClockHandler } from './sla-clock.handler.js';
import { SlaMetricsService } from './sla-metrics.service.js';
import { SlaLifecycleService } from './sla-lifecycle.service.js';
import { SlaSchedulerService } from './sla-scheduler.service.js';
import { WebhookDelivererService } from './webhook-deliverer.service.js';

@Module({})
export class NotificationModule {
  static register(settings: NotificationSettings, logger: Logger): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        LoggerModule.forRoot(logger),
        DatabaseModule.forRoot({ url: settings.DATABASE_URL, applicationName: 'casework-notification' }),
        MessagingModule.forRoot({ natsUrl: settings.NATS_URL, streamReplicas: settings.NATS_STREAM_REPLICAS, serviceName: 'notification' }),
        ObservabilityModule.register({ dataSource: DataSource, nats: NatsConnectionHolder, imports: [] }),
      ],
      controllers: [SlaClockHandler, PagingHandler],
      providers: [
        { provide: NOTIFICATION_SETTINGS, useValue: settings },
        {
          provide: SmtpMailer,
          useValue: SmtpMailer.fromSettings({ ...settings, dkim: dkimOf(settings) }),
        },
        OpsMetricsService,
        OpsNotifierService,
        PagingService,
        RetentionSchedulerService,
        SlaClockEventsUseCase,
        SlaLifecycleService,
        SlaMetricsService,
        SlaSchedulerService,
        WebhookDelivererService,
      ],
    };
  }
}
