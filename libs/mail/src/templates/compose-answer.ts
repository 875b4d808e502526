import { choosePartials, chooseTemplate, PARTIAL_KEYS, stakeholderContext, type AnswerTarget, type StoredTemplate } from '@casework/domain';
import { renderMessage, type RenderedMail } from './render-message.js';

export interface ComposedAnswer extends RenderedMail {
  locale: string;
  /** The version rendered: the outbound message records it. */
  template: StoredTemplate;
}

/**
 * A mail to a ticket's requester from the library: the template of `key` for the target's
 * queue and language (see chooseTemplate), its partials in that language, rendered for the
 * target. Null when the library has no template of that key.
 */
export function composeAnswer(library: readonly StoredTemplate[], key: string, target: AnswerTarget): ComposedAnswer | null {
  const chosen = chooseTemplate(library, key, target.queueId, target.candidates);
  if (!chosen) return null;
  const partials = choosePartials(library, PARTIAL_KEYS, target.queueId, chosen.locale);
  const mail = renderMessage(chosen.template, partials, stakeholderContext(target.facts, chosen.locale), { locale: chosen.locale, timeZone: target.timeZone });
  return { ...mail, locale: chosen.locale, template: chosen.template };
}
