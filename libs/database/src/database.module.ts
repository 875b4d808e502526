import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import { ApiTokenRepository } from './repositories/api-token.repository.js';
import { WebSessionRepository } from './repositories/web-session.repository.js';
import { AfterCommitActionRepository } from './repositories/after-commit-action.repository.js';
import { AnswerContextRepository } from './repositories/answer-context.repository.js';
import { AttachmentRepository } from './repositories/attachment.repository.js';
import { HashListRepository } from './repositories/hash-list.repository.js';
import { TicketEscalationRepository } from './repositories/ticket-escalation.repository.js';
import { CaseExportRepository } from './repositories/case-export.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { AutoReplyLogRepository } from './repositories/auto-reply-log.repository.js';
import { DeadLetterRepository } from './repositories/dead-letter.repository.js';
import { MailboxCursorRepository } from './repositories/mailbox-cursor.repository.js';
import { MailboxLeaseRepository } from './repositories/mailbox-lease.repository.js';
import { ManagedMailboxRepository } from './repositories/managed-mailbox.repository.js';
import { NotificationRepository } from './repositories/notification.repository.js';
import { OutboundRepository } from './repositories/outbound.repository.js';
import { OpsReportRepository } from './repositories/ops-report.repository.js';
import { OutboundDeliveryRepository } from './repositories/outbound-delivery.repository.js';
import { OncallRepository } from './repositories/oncall.repository.js';
import { PresenceRepository } from './repositories/presence.repository.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { ProcessedEventRepository } from './repositories/processed-event.repository.js';
import { QuarantineRepository } from './repositories/quarantine.repository.js';
import { QueueRepository } from './repositories/queue.repository.js';
import { QueueGrantRepository } from './repositories/queue-grant.repository.js';
import { QueueRoutingRepository } from './repositories/queue-routing.repository.js';
import { RawMessageRepository } from './repositories/raw-message.repository.js';
import { RoutingRuleRepository } from './repositories/routing-rule.repository.js';
import { RoutingLookupRepository } from './repositories/routing-lookup.repository.js';
import { SearchRepository } from './repositories/search.repository.js';
import { SlaClockRepository } from './repositories/sla-clock.repository.js';
import { SlaPolicyRepository } from './repositories/sla-policy.repository.js';
import { SlaReportRepository } from './repositories/sla-report.repository.js';
import { SmtpRecipientRepository } from './repositories/smtp-recipient.repository.js';
import { TemplateRepository } from './repositories/template.repository.js';
import { TicketHistoryRepository } from './repositories/ticket-history.repository.js';
import { TicketMergeRepository } from './repositories/ticket-merge.repository.js';
import { TicketReadRepository } from './repositories/ticket-read.repository.js';
import { TicketRepository } from './repositories/ticket.repository.js';
import { TicketWorkRepository } from './repositories/ticket-work.repository.js';
import { DraftRepository } from './repositories/draft.repository.js';
import { ContactReadRepository } from './repositories/contact-read.repository.js';
import { TriageReviewRepository } from './repositories/triage-review.repository.js';
import { AutoAssignRepository } from './repositories/auto-assign.repository.js';
import { LegalHoldRepository } from './repositories/legal-hold.repository.js';
import { RetentionRepository } from './repositories/retention.repository.js';
import { TicketContentRepository } from './repositories/ticket-content.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { WebhookRepository } from './repositories/webhook.repository.js';

const REPOSITORIES = [
  LegalHoldRepository,
  RetentionRepository,
  TicketContentRepository,
  ApiTokenRepository,
  WebSessionRepository,
  AfterCommitActionRepository,
  AnswerContextRepository,
  AttachmentRepository,
  HashListRepository,
  TicketEscalationRepository,
  CaseExportRepository,
  AuditRepository,
  AutoReplyLogRepository,
  DeadLetterRepository,
  MailboxCursorRepository,
  MailboxLeaseRepository,
  ManagedMailboxRepository,
  NotificationRepository,
  OutboundRepository,
  OpsReportRepository,
  OutboundDeliveryRepository,
  OncallRepository,
  PresenceRepository,
  OutboxRepository,
  ProcessedEventRepository,
  QuarantineRepository,
  QueueRepository,
  QueueGrantRepository,
  QueueRoutingRepository,
  RawMessageRepository,
  RoutingRuleRepository,
  RoutingLookupRepository,
  SearchRepository,
  SlaClockRepository,
  SlaPolicyRepository,
  SlaReportRepository,
  SmtpRecipientRepository,
  TemplateRepository,
  TicketHistoryRepository,
  TicketMergeRepository,
  TicketReadRepository,
  TicketRepository,
  TicketWorkRepository,
  DraftRepository,
  ContactReadRepository,
  TriageReviewRepository,
  AutoAssignRepository,
  UserRepository,
  WebhookRepository,
];

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The pool and the repositories, for every app. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: { url: string; applicationName: string; poolSize?: number; connectTimeoutMs?: number }): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource(options);
            await dataSource.initialize();
            return dataSource;
          },
        },
        DataSourceCloser,
        ...REPOSITORIES.map((repository) => ({ provide: repository, useClass: repository })),
      ],
      exports: [DataSource, ...REPOSITORIES],
    };
  }
}
