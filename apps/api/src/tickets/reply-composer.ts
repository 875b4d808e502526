import { Inject, Injectable } from '@nestjs/common';
import { TemplateRepository, type Db } from '@casework/database';
import { answerTarget, PARTIAL_KEYS, replySubject, SYSTEM_TEMPLATE_KEYS, templateScope, type AnswerContext } from '@casework/domain';
import { checkTemplate, composeAnswer } from '@casework/mail';
import { ReplyErrors } from './reply.errors.js';

/** What a reply says: its subject and parts, and the template version and locale it came from (none for a text sent as written). */
export interface ReplyContent {
  subject: string;
  text: string;
  html: string | null;
  locale: string | null;
  template: { id: string; version: number } | null;
}

// Ops notices are not mail to a requester.
const NOT_FOR_REQUESTERS = new Set<string>(SYSTEM_TEMPLATE_KEYS.filter((key) => key !== 'acknowledgement' && key !== 'reply'));

/**
 * A specialist's reply: their text as written, or a `message` / `snippet` template rendered for
 * the ticket in the writer's language (or the one asked for), their text filling `{{body}}`.
 * A template that has no `{{body}}` cannot carry a text, and one that has needs it: both are 400s,
 * so no text is silently dropped.
 */
@Injectable()
export class ReplyComposer {
  constructor(@Inject(TemplateRepository) private readonly templates: TemplateRepository) {}

  async compose(db: Db, context: AnswerContext, input: { body?: string; templateKey?: string; locale?: string }): Promise<ReplyContent> {
    const number = context.ticket.number;
    if (input.templateKey === undefined) return { subject: replySubject(context.ticket.subject, number), text: input.body ?? '', html: null, locale: null, template: null };
    const key = input.templateKey;
    const library = await this.templates.library(db, [key, ...PARTIAL_KEYS], [context.queue.id]);
    const versions = library.filter((t) => t.key === key && t.kind !== 'partial' && (t.queueId === null || t.queueId === context.queue.id));
    if (versions.length === 0 || NOT_FOR_REQUESTERS.has(key)) throw ReplyErrors.invalid({ templateKey: [`no template "${key}" for replies to this ticket's queue`] });
    if (input.locale && !versions.some((t) => t.locale === input.locale)) {
      throw ReplyErrors.invalid({ locale: [`template "${key}" has no ${input.locale} version (it has ${[...new Set(versions.map((t) => t.locale))].sort().join(', ')})`] });
    }
    const composed = composeAnswer(library, key, answerTarget(context, { requested: input.locale, body: input.body }))!;
    const usesBody = checkTemplate(composed.template, templateScope(composed.template.kind, key)).uses.has('body');
    if (input.body !== undefined && !usesBody) throw ReplyErrors.invalid({ body: [`template "${key}" has no {{body}} to carry this text: send it without templateKey, or without body`] });
    if (input.body === undefined && usesBody) throw ReplyErrors.invalid({ body: [`template "${key}" wraps a text: body is required`] });
    const subject = composed.subject.trim() || context.ticket.subject;
    return { subject: replySubject(subject, number), text: composed.text, html: composed.html, locale: composed.locale, template: { id: composed.template.id, version: composed.template.version } };
  }
}
