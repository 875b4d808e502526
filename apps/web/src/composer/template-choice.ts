import type { TemplateSummary } from './composer-types';

/** Ops notices (clock warnings, pages) go to staff, never to a requester: the API refuses them as replies. */
const NOT_FOR_REQUESTERS = new Set(['sla-warning', 'sla-breach', 'page']);
const DEFAULT_LOCALE = 'en';

/** The templates that apply to a ticket of `queueId` and can answer it: messages and snippets, global or the queue's own. */
export function templatesForQueue(templates: readonly TemplateSummary[], queueId: string | null): TemplateSummary[] {
  return templates.filter((t) => t.kind !== 'partial' && !NOT_FOR_REQUESTERS.has(t.key) && (t.queueId === null || t.queueId === queueId));
}

/** One entry per key, messages first then snippets, each by key. */
export function templateKeys(usable: readonly TemplateSummary[]): { key: string; kind: TemplateSummary['kind'] }[] {
  const byKey = new Map<string, TemplateSummary['kind']>();
  for (const template of usable) if (!byKey.has(template.key)) byKey.set(template.key, template.kind);
  return [...byKey].map(([key, kind]) => ({ key, kind })).sort((a, b) => (a.kind === b.kind ? a.key.localeCompare(b.key) : a.kind === 'message' ? -1 : 1));
}

export function localesOf(usable: readonly TemplateSummary[], key: string): string[] {
  return [...new Set(usable.filter((t) => t.key === key).map((t) => t.locale))].sort();
}

export interface LocaleCandidates {
  requested?: string | null;
  ticketLanguage?: string | null;
  queueLocale?: string | null;
}

/**
 * The version of `key` the API would send (libs/domain `chooseTemplate`): the requested locale,
 * else the ticket's language, else the queue's default, else English, else any it has; the
 * queue's override of that locale before the global one. The preview renders exactly this one.
 */
export function chooseTemplate(usable: readonly TemplateSummary[], key: string, candidates: LocaleCandidates): TemplateSummary | null {
  const versions = usable.filter((t) => t.key === key);
  if (versions.length === 0) return null;
  const available = new Set(versions.map((t) => t.locale));
  const wanted = [candidates.requested, candidates.ticketLanguage, candidates.queueLocale].map((locale) => servable(locale, available)).find((found) => found !== null);
  const locale = wanted ?? (available.has(DEFAULT_LOCALE) ? DEFAULT_LOCALE : [...available].sort()[0]!);
  const inLocale = versions.filter((t) => t.locale === locale);
  return inLocale.find((t) => t.queueId !== null) ?? inLocale[0]!;
}

/** `es-MX` is served by `es`; a locale nobody wrote the template in is not. */
function servable(locale: string | null | undefined, available: ReadonlySet<string>): string | null {
  const normalised = (locale ?? '').trim().replace('_', '-');
  if (normalised === '') return null;
  if (available.has(normalised)) return normalised;
  const base = normalised.split('-')[0]!.toLowerCase();
  return available.has(base) ? base : null;
}

const ANY_BODY = /\{\{[^}]*\bbody\b[^}]*\}\}/;
const PLAIN_BODY = /\{\{\{?~?\s*body\s*~?\}?\}\}/g;
/** Stands in for `{{body}}` in the preview's text so the specialist's text can be laid into the rendered mail as they type. */
export const BODY_MARK = 'CASEWORK-REPLY-BODY-MARK';

/** A template that wraps the specialist's text (`{{body}}`): the reply needs one. One without sends as it stands. */
export function wrapsText(template: Pick<TemplateSummary, 'subject' | 'text' | 'html'>): boolean {
  return [template.subject, template.text, template.html ?? ''].some((part) => ANY_BODY.test(part));
}

/** The template's text part with `{{body}}` replaced by the mark (sent to the preview as unsaved text); undefined when it has none to replace. */
export function textWithBodyMark(template: Pick<TemplateSummary, 'text'>): string | undefined {
  const marked = template.text.replace(PLAIN_BODY, BODY_MARK);
  return marked === template.text ? undefined : marked;
}

/** The rendered text with the specialist's current text where `{{body}}` stands. */
export function fillBody(rendered: string, body: string): string {
  return rendered.split(BODY_MARK).join(body);
}
