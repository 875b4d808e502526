/**
 * What a template may use: the variables of the mail it renders, the helpers and the partials.
 * The one list both the save-time check (libs/mail validateTemplate) and the context builders
 * (template-context.ts) follow, so a template that saves always renders.
 */

/** `message`: a mail (acknowledgement, reply, notices); `snippet`: a canned reply text; `partial`: salutation or signature. */
export const TEMPLATE_KINDS = ['message', 'snippet', 'partial'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The partials every stakeholder mail can include, per queue and locale. */
export const PARTIAL_KEYS = ['salutation', 'signature'] as const;

/** The mails Casework sends by itself; their keys are reserved for `message` templates. */
export const SYSTEM_TEMPLATE_KEYS = ['acknowledgement', 'reply', 'sla-warning', 'sla-breach', 'page'] as const;

/** Keys are lower-case slugs: they appear in URLs and API bodies. */
export const TEMPLATE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Helpers a template may call (besides `if` and `unless`), with what each takes. */
export const TEMPLATE_HELPERS = {
  /** `{{date ticket.createdAt}}` or `{{date ticket.createdAt "long"}}`: in the recipient's locale and time zone. */
  date: { minParams: 1, maxParams: 2 },
  /** `{{ticketNumber}}`: the ticket's number. */
  ticketNumber: { minParams: 0, maxParams: 0 },
  /** `{{ticketTag}}`: `[#number]`, what keeps a reply on its ticket. */
  ticketTag: { minParams: 0, maxParams: 0 },
  /** `{{slaDue}}`: when the running SLA target is due, as a date, or empty without one. */
  slaDue: { minParams: 0, maxParams: 1 },
  /** `{{quote}}` (the previous message) or `{{quote some.text}}`: `> `-prefixed lines; a blockquote in HTML. */
  quote: { minParams: 0, maxParams: 1 },
} as const;
export type TemplateHelper = keyof typeof TEMPLATE_HELPERS;

/** Block helpers: conditionals only, so every variable a template reads is a known name. */
export const TEMPLATE_BLOCK_HELPERS = ['if', 'unless'] as const;

/** What every mail says of its ticket. */
const TICKET_VARIABLES = ['ticket.id', 'ticket.number', 'ticket.tag', 'ticket.subject', 'ticket.priority', 'locale'];

/** Variables of every mail to a stakeholder (acknowledgement, reply, snippets, partials). */
const STAKEHOLDER_VARIABLES = [
  ...TICKET_VARIABLES,
  'ticket.createdAt',
  'ticket.slaDueAt',
  'requester.name',
  'requester.email',
  'queue.name',
  'queue.address',
  'emergency',
  'previous.text',
  'previous.from',
  'previous.date',
];

/** Variables of ops notices (SLA warning and breach) and pages: their reader is the team, not the requester. */
const NOTICE_VARIABLES = [...TICKET_VARIABLES, 'queue.name', 'queue.slug', 'clock.kind', 'clock.dueAt', 'clock.warnAt'];
const PAGE_VARIABLES = [...TICKET_VARIABLES, 'queue.name', 'queue.slug', 'page.id', 'page.level', 'page.escalation', 'page.onCall', 'page.escalateAt'];

export interface TemplateScope {
  /** Leaf variables, dotted (`ticket.number`). */
  variables: ReadonlySet<string>;
  /** Partials `{{> name}}` may include. */
  partials: readonly string[];
}

const stakeholder = new Set<string>(STAKEHOLDER_VARIABLES);

/** What a template of this kind and key may use. */
export function templateScope(kind: TemplateKind, key: string): TemplateScope {
  if (kind === 'partial') return { variables: stakeholder, partials: [] };
  if (kind === 'snippet') return { variables: stakeholder, partials: PARTIAL_KEYS };
  switch (key) {
    case 'sla-warning':
    case 'sla-breach':
      return { variables: new Set(NOTICE_VARIABLES), partials: [] };
    case 'page':
      return { variables: new Set(PAGE_VARIABLES), partials: [] };
    case 'acknowledgement':
      return { variables: stakeholder, partials: PARTIAL_KEYS };
    default:
      // `reply` and any other message to a stakeholder: `body` is the specialist's own text it wraps.
      return { variables: new Set([...STAKEHOLDER_VARIABLES, 'body']), partials: PARTIAL_KEYS };
  }
}

/** Why a key cannot be used for a template of this kind, or null. */
export function templateKeyProblem(kind: TemplateKind, key: string): string | null {
  if (!TEMPLATE_KEY_PATTERN.test(key)) return 'key must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit';
  if (kind === 'partial' && !(PARTIAL_KEYS as readonly string[]).includes(key)) return `a partial's key is one of ${PARTIAL_KEYS.join(', ')}`;
  if (kind !== 'partial' && (PARTIAL_KEYS as readonly string[]).includes(key)) return `${key} is a partial's key: use kind "partial"`;
  if (kind === 'snippet' && (SYSTEM_TEMPLATE_KEYS as readonly string[]).includes(key)) return `${key} is the key of a mail Casework sends: use kind "message"`;
  return null;
}
