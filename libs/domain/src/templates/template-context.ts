import { templateScope, type TemplateKind } from './template-catalog.js';

/**
 * The values a template renders with, built to the catalog's shape: every variable the catalog
 * names is present (null when unknown), so a template that passed the save-time check never
 * meets a missing name at send. Dates are ISO strings; the `date` helper formats them.
 */
export type TemplateContext = Record<string, unknown>;

export interface TicketFacts {
  id: string;
  number: string;
  subject: string;
  priority: string;
  createdAt: Date;
  /** The running SLA target's due time, if any. */
  slaDueAt: Date | null;
}

export interface StakeholderFacts {
  ticket: TicketFacts;
  requester: { email: string; name: string | null };
  queue: { name: string; address: string; emergency: boolean };
  /** The newest message from the requester: what `{{quote}}` quotes. */
  previous: { text: string; from: string | null; date: Date } | null;
  /** A specialist's own text (the `reply` template wraps it). */
  body?: string | null;
}

export interface NoticeFacts {
  ticket: Omit<TicketFacts, 'createdAt' | 'slaDueAt'>;
  queue: { name: string; slug: string };
  clock: { kind: string; dueAt: Date | null; warnAt: Date | null };
}

export interface PageFacts {
  ticket: Omit<TicketFacts, 'createdAt' | 'slaDueAt'>;
  queue: { name: string; slug: string };
  page: { id: string; level: number; onCall: boolean; escalateAt: Date | null };
}

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
const tagOf = (number: string) => `[#${number}]`;

function ticketValues(ticket: NoticeFacts['ticket'] & Partial<Pick<TicketFacts, 'createdAt' | 'slaDueAt'>>) {
  return {
    id: ticket.id,
    number: ticket.number,
    tag: tagOf(ticket.number),
    subject: ticket.subject,
    priority: ticket.priority,
    createdAt: iso(ticket.createdAt),
    slaDueAt: iso(ticket.slaDueAt),
  };
}

export function stakeholderContext(facts: StakeholderFacts, locale: string): TemplateContext {
  return {
    ticket: ticketValues(facts.ticket),
    requester: { name: facts.requester.name || null, email: facts.requester.email },
    queue: { name: facts.queue.name, address: facts.queue.address },
    emergency: facts.queue.emergency || facts.ticket.priority === 'emergency',
    previous: { text: facts.previous?.text ?? null, from: facts.previous?.from ?? null, date: iso(facts.previous?.date) },
    body: facts.body ?? null,
    locale,
  };
}

export function noticeContext(facts: NoticeFacts, locale: string): TemplateContext {
  return {
    ticket: ticketValues(facts.ticket),
    queue: { name: facts.queue.name, slug: facts.queue.slug },
    clock: { kind: facts.clock.kind, dueAt: iso(facts.clock.dueAt), warnAt: iso(facts.clock.warnAt) },
    locale,
  };
}

export function pageContext(facts: PageFacts, locale: string): TemplateContext {
  return {
    ticket: ticketValues(facts.ticket),
    queue: { name: facts.queue.name, slug: facts.queue.slug },
    page: { id: facts.page.id, level: facts.page.level, escalation: facts.page.level > 0, onCall: facts.page.onCall, escalateAt: iso(facts.page.escalateAt) },
    locale,
  };
}

const SAMPLE_TICKET = { id: '00000000-0000-4000-8000-000000000000', number: '100007', subject: 'Report of a threatening message', priority: 'normal' };
const SAMPLE_TIME = new Date('2025-01-15T09:30:00Z');

/** A plausible context for a preview without a ticket, for a template of this kind and key. */
export function sampleContext(kind: TemplateKind, key: string, locale: string): TemplateContext {
  if (kind === 'message' && (key === 'sla-warning' || key === 'sla-breach')) {
    return noticeContext({ ticket: SAMPLE_TICKET, queue: { name: 'Safety', slug: 'safety' }, clock: { kind: 'first_response', dueAt: SAMPLE_TIME, warnAt: new Date(SAMPLE_TIME.getTime() - 12 * 60_000) } }, locale);
  }
  if (kind === 'message' && key === 'page') return pageContext({ ticket: { ...SAMPLE_TICKET, priority: 'emergency' }, queue: { name: 'Safety', slug: 'safety' }, page: { id: SAMPLE_TICKET.id, level: 0, onCall: true, escalateAt: SAMPLE_TIME } }, locale);
  return stakeholderContext(
    {
      ticket: { ...SAMPLE_TICKET, createdAt: SAMPLE_TIME, slaDueAt: new Date(SAMPLE_TIME.getTime() + 3_600_000) },
      requester: { email: 'alex@example.org', name: 'Alex Example' },
      queue: { name: 'Safety', address: 'safety@example.org', emergency: false },
      previous: { text: 'Someone has been sending me threatening messages.\nWhat can I do?', from: 'alex@example.org', date: SAMPLE_TIME },
      body: templateScope(kind, key).variables.has('body') ? 'Thank you for the details. We have removed the messages.' : null,
    },
    locale,
  );
}

/** The variables among `uses` that have no value in `context` (null, undefined or ''): what a preview reports as missing. */
export function missingVariables(uses: Iterable<string>, context: TemplateContext): string[] {
  const missing: string[] = [];
  for (const name of uses) {
    let value: unknown = context;
    for (const part of name.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    if (value === null || value === undefined || value === '') missing.push(name);
  }
  return [...new Set(missing)].sort();
}
