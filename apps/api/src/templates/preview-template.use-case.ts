import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnswerContextRepository, TemplateRepository } from '@casework/database';
import { answerTarget, choosePartials, DomainError, missingVariables, PARTIAL_KEYS, sampleContext, stakeholderContext, templateScope, type TemplateContext } from '@casework/domain';
import { checkTemplate, renderMessage } from '@casework/mail';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import type { PreviewDto, PreviewTemplateDto } from './dto/preview.dto.js';
import { ReadTemplatesUseCase } from './read-templates.use-case.js';
import { requireValidTemplate } from './template-input.js';
import { TemplateErrors } from './template.errors.js';

/**
 * A template (or unsaved texts for it, checked like a save) rendered as it would be sent: for a
 * ticket the caller may read in full, or for a sample ticket with optional values laid over it.
 * `missing` names the variables it uses that have no value here.
 */
@Injectable()
export class PreviewTemplateUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ReadTemplatesUseCase) private readonly reads: ReadTemplatesUseCase,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(AnswerContextRepository) private readonly contexts: AnswerContextRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, id: string, input: PreviewTemplateDto): Promise<PreviewDto> {
    if (input.ticketId !== undefined && input.sample !== undefined) throw TemplateErrors.invalid({ sample: ['give ticketId or sample, not both'] });
    const template = await this.reads.get(id);
    const sources = { subject: input.subject ?? template.subject, text: input.text ?? template.text, html: input.html === undefined ? template.html : input.html };
    const { uses } = requireValidTemplate(template.kind, template.key, sources);
    const locale = template.locale;
    let context: TemplateContext = sampleContext(template.kind, template.key, locale);
    let queueId = template.queueId;
    let timeZone = 'UTC';
    if (input.ticketId !== undefined) {
      await this.access.requireTicket(caller, input.ticketId, 'content');
      const ticket = (await this.contexts.forTickets(this.db, [input.ticketId])).get(input.ticketId);
      if (!ticket) throw DomainError.ticketNotFound(input.ticketId);
      const target = answerTarget(ticket);
      const ticketValues = stakeholderContext(target.facts, locale);
      // Ops notices and pages keep their sample clock or page; the ticket's own facts replace the sample's.
      context = 'requester' in context ? ticketValues : { ...context, ticket: ticketValues.ticket, queue: { ...(context.queue as object), name: ticket.queue.name } };
      queueId ??= ticket.queue.id;
      timeZone = target.timeZone;
    } else if (input.sample) {
      context = overlay(context, input.sample) as TemplateContext;
    }
    const partials = template.kind === 'partial' ? {} : choosePartials(await this.templates.library(this.db, PARTIAL_KEYS, queueId ? [queueId] : []), PARTIAL_KEYS, queueId, locale);
    let mail;
    try {
      mail = renderMessage(sources, partials, context, { locale, timeZone });
    } catch (error) {
      // Only values laid over the sample can break what the check let through (an object replaced by a text).
      throw TemplateErrors.invalid({ sample: [`does not fit the template's variables: ${error instanceof Error ? error.message.slice(0, 200) : 'render failed'}`] });
    }
    // What the partials read counts too: a salutation without the requester's name is worth knowing about.
    const partialUses = Object.values(partials).flatMap((partial) => [...checkTemplate(partial, templateScope('partial', partial.key)).uses]);
    return { ...mail, locale, missing: missingVariables([...uses, ...partialUses], context) };
  }
}

/** `sample` laid over `base`: objects merge, leaves are replaced; a leaf never replaces an object. */
function overlay(base: unknown, sample: unknown): unknown {
  if (!isObject(base)) return isObject(sample) ? base : sample;
  if (!isObject(sample)) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(sample)) if (key in base) merged[key] = overlay(base[key], value);
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
