import type { LocaleCandidates } from './choose-template.js';
import type { StakeholderFacts } from './template-context.js';

/** What a templated mail to a ticket's requester is built from, as loaded for each ticket. */
export interface AnswerContext {
  ticket: {
    id: string;
    number: string;
    subject: string;
    priority: string;
    createdAt: Date;
    /** The writer's language (ISO 639-1) as routing detected it; null when unknown. */
    language: string | null;
    /** The soonest running SLA target. */
    slaDueAt: Date | null;
  };
  queue: { id: string; name: string; address: string; defaultLocale: string | null; timeZone: string | null; emergency: boolean };
  requester: { email: string; name: string | null };
  /** The newest inbound mail: what an answer threads onto and quotes. */
  lastInbound: { messageId: string | null; references: string[]; text: string; from: string | null; date: Date } | null;
}

/** Where and to whom a mail goes, for template choice and rendering. */
export interface AnswerTarget {
  queueId: string;
  candidates: LocaleCandidates;
  /** Dates are written in this zone (the queue's; UTC without one). */
  timeZone: string;
  facts: StakeholderFacts;
}

/** The target of a mail about this ticket: `requested` is a locale asked for, `body` a specialist's text. */
export function answerTarget(context: AnswerContext, extras: { requested?: string | null; body?: string | null } = {}): AnswerTarget {
  return {
    queueId: context.queue.id,
    candidates: { requested: extras.requested ?? null, ticketLanguage: context.ticket.language, queueLocale: context.queue.defaultLocale },
    timeZone: context.queue.timeZone ?? 'UTC',
    facts: {
      ticket: context.ticket,
      requester: context.requester,
      queue: context.queue,
      previous: context.lastInbound ? { text: context.lastInbound.text, from: context.lastInbound.from, date: context.lastInbound.date } : null,
      body: extras.body ?? null,
    },
  };
}
