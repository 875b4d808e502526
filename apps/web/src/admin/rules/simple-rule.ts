/**
 * The common rule as a form: one condition and the usual actions. A rule that fits it is edited
 * here; any other (all / any / not, assign, several of one action) only as JSON.
 */
export const SIMPLE_FIELDS = ['subject', 'from', 'senderDomain', 'to', 'cc', 'body', 'language', 'attachmentType', 'triageCategory', 'header'] as const;
export const SIMPLE_OPERATORS = ['contains', 'equals', 'inList', 'regex'] as const;

export interface SimpleRule {
  field: (typeof SIMPLE_FIELDS)[number];
  /** For `header`: which header, e.g. X-Priority. */
  header: string;
  op: (typeof SIMPLE_OPERATORS)[number];
  /** For inList: the values, comma separated. */
  value: string;
  caseSensitive: boolean;
  priority: string;
  queueSlug: string;
  tags: string;
  suppressAcknowledgement: boolean;
  markSpam: boolean;
  stop: boolean;
}

export const EMPTY_SIMPLE_RULE: SimpleRule = { field: 'subject', header: '', op: 'contains', value: '', caseSensitive: false, priority: '', queueSlug: '', tags: '', suppressAcknowledgement: false, markSpam: false, stop: false };

const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);

/** The form as the API's `when` and `then` (actions in a fixed order: queue, priority, tags, the flags, stop last). */
export function definitionOf(form: SimpleRule): { when: object; then: object[] } {
  const field = form.field === 'header' ? `header:${form.header.trim()}` : form.field;
  const when = { field, op: form.op, value: form.op === 'inList' ? list(form.value) : form.value, ...(form.caseSensitive ? { caseSensitive: true } : {}) };
  const then: object[] = [];
  if (form.queueSlug) then.push({ type: 'setQueue', queueSlug: form.queueSlug });
  if (form.priority) then.push({ type: 'setPriority', priority: form.priority });
  if (list(form.tags).length > 0) then.push({ type: 'addTags', tags: list(form.tags).map((tag) => tag.toLowerCase()) });
  if (form.suppressAcknowledgement) then.push({ type: 'suppressAcknowledgement' });
  if (form.markSpam) then.push({ type: 'markSpam' });
  if (form.stop) then.push({ type: 'stop' });
  return { when, then };
}

/** The form for a stored rule, or null when the rule says more than the form can (edit it as JSON). */
export function simpleRuleOf(when: unknown, then: unknown): SimpleRule | null {
  if (typeof when !== 'object' || when === null || !Array.isArray(then)) return null;
  const condition = when as { field?: unknown; op?: unknown; value?: unknown; caseSensitive?: unknown };
  if (typeof condition.field !== 'string' || !(SIMPLE_OPERATORS as readonly string[]).includes(String(condition.op))) return null;
  const isHeader = condition.field.startsWith('header:');
  if (!isHeader && !(SIMPLE_FIELDS as readonly string[]).includes(condition.field)) return null;
  const value = Array.isArray(condition.value) ? condition.value.join(', ') : typeof condition.value === 'string' ? condition.value : null;
  if (value === null) return null;
  const form: SimpleRule = {
    ...EMPTY_SIMPLE_RULE,
    field: isHeader ? 'header' : (condition.field as SimpleRule['field']),
    header: isHeader ? condition.field.slice('header:'.length) : '',
    op: condition.op as SimpleRule['op'],
    value,
    caseSensitive: condition.caseSensitive === true,
  };
  for (const action of then as { type?: unknown; priority?: unknown; queueSlug?: unknown; tags?: unknown }[]) {
    if (action.type === 'setQueue' && typeof action.queueSlug === 'string' && !form.queueSlug) form.queueSlug = action.queueSlug;
    else if (action.type === 'setPriority' && typeof action.priority === 'string' && !form.priority) form.priority = action.priority;
    else if (action.type === 'addTags' && Array.isArray(action.tags) && !form.tags) form.tags = action.tags.join(', ');
    else if (action.type === 'suppressAcknowledgement') form.suppressAcknowledgement = true;
    else if (action.type === 'markSpam') form.markSpam = true;
    else if (action.type === 'stop') form.stop = true;
    else return null;
  }
  // The form writes its actions in its own order; a rule whose order matters differently stays JSON.
  return canonical(definitionOf(form)) === canonical({ when, then }) ? form : null;
}

/** JSON with sorted keys: the database hands a rule back with its keys in its own order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
