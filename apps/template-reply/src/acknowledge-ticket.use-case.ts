import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { TemplateReplySettings } from '@casework/config';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { OutboundRepository, QueueRepository, TemplateRepository, TicketRepository } from '@casework/database';
import { taggedSubject } from '@casework/domain';
import { domainOfAddress, generateMessageId, renderTemplate, replyHeaders } from '@casework/mail';
import { UnitOfWork } from '@casework/messaging';
import { LOGGER } from '@casework/observability';
import { OutboundSenderService } from './outbound-sender.service.js';
import { TEMPLATE_REPLY_SETTINGS } from './template-reply.tokens.js';

const CONSUMER = 'template-reply';

/** Answers a new ticket from a person with the stored acknowledgement template. */
@Injectable()
export class AcknowledgeTicketUseCase {
  constructor(
    @Inject(TEMPLATE_REPLY_SETTINGS) private readonly settings: TemplateReplySettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(OutboundRepository) private readonly outbound: OutboundRepository,
    @Inject(OutboundSenderService) private readonly sender: OutboundSenderService,
  ) {}

  async execute(event: EventEnvelope<typeof Subjects.TicketOpened>): Promise<void> {
    const opened = event.data;
    if (opened.automation.automated) {
      this.logger.info({ ticketId: opened.ticketId, reason: opened.automation.reason }, 'no acknowledgement for automated mail');
      return;
    }
    let outboundId: string | null = null;
    await this.unitOfWork.runOnce(CONSUMER, event, async (tx) => {
      const [ticket, original] = await Promise.all([this.tickets.find(tx, opened.ticketId), this.tickets.lastInbound(tx, opened.ticketId)]);
      if (!ticket) throw new Error(`ticket ${opened.ticketId} not found`);
      const template = await this.templates.latest(tx, 'acknowledgement', 'en');
      if (!template) throw new Error('acknowledgement template missing: run `npm run seed`');
      const queue = await this.queues.find(tx, ticket.queue.id);
      const from = queue?.address ?? this.settings.MAIL_FROM;
      const rendered = renderTemplate(template, {
        ticket: { number: ticket.number, subject: ticket.subject },
        requester: ticket.requester,
        queue: { name: ticket.queue.name, address: from },
      });
      const threading = replyHeaders({ messageId: original?.messageId ?? null, references: original?.references ?? [] });
      outboundId = await this.outbound.insert(tx, {
        ticketId: ticket.id,
        kind: 'acknowledgement',
        messageId: generateMessageId(domainOfAddress(from)),
        inReplyTo: threading.inReplyTo,
        references: threading.references,
        fromEmail: from,
        to: ticket.requester,
        subject: taggedSubject(rendered.subject, ticket.number),
        text: rendered.text,
      });
    });
    if (outboundId) await this.sender.send(outboundId);
  }
}
