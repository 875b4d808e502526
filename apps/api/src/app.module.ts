import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { ApiSettings } from '@casework/config';
import { DatabaseModule } from '@casework/database';
import { MessagingModule, NatsConnectionHolder } from '@casework/messaging';
import { LoggerModule, ObservabilityModule } from '@casework/observability';
import { AccessGuard } from './auth/access.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { createValidationPipe } from './common/validation-exception.factory.js';
import { DeadLettersModule } from './dead-letters/dead-letters.module.js';
import { HashListsModule } from './hash-lists/hash-lists.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { LiveModule } from './live/live.module.js';
import { MailboxesModule } from './mailboxes/mailboxes.module.js';
import { OncallModule } from './oncall/oncall.module.js';
import { QuarantineModule } from './quarantine/quarantine.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { RateLimitGuard } from './security/rate-limit.guard.js';
import { RateLimitModule } from './security/rate-limit.module.js';
import { RulesModule } from './rules/rules.module.js';
import { SearchModule } from './search/search.module.js';
import { SlaModule } from './sla/sla.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { TemplatesModule } from './templates/templates.module.js';
import { TicketsModule } from './tickets/tickets.module.js';
import { WorkspaceModule } from './workspace/workspace.module.js';
import { TriageModule } from './triage/triage.module.js';
import { TicketMergeModule } from './ticket-merge/ticket-merge.module.js';
import { HoldsModule } from './holds/holds.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { UsersModule } from './users/users.module.js';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { SessionsController } from './sessions/sessions.controller.js';

@Module({})
export class AppModule {
  static register(config: ApiSettings, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(logger),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: 'casework-api',
          poolSize: config.DATABASE_POOL_SIZE,
          connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        }),
        MessagingModule.forRoot({ natsUrl: config.NATS_URL, streamReplicas: config.NATS_STREAM_REPLICAS, serviceName: 'api' }),
        ObservabilityModule.register({ dataSource: DataSource, nats: NatsConnectionHolder, imports: [] }),
        QueuesModule,
        RulesModule,
        TicketsModule,
        WorkspaceModule,
        TriageModule,
        HashListsModule,
        TicketMergeModule,
        HoldsModule,
        RetentionModule,
        SearchModule,
        TemplatesModule,
        SlaModule,
        QuarantineModule,
        MailboxesModule.register(config),
        ExportsModule.register(config),
        OncallModule,
        WebhooksModule,
        DeadLettersModule,
        UsersModule,
        AccessModule,
        AuditModule,
        AuthModule.register(config),
        LiveModule.register(config),
        RateLimitModule.register(config),
      ],
      controllers: [SessionsController],
      providers: [
        // Before the access guard: a flood is refused before it costs a token lookup.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
