/**
 * The inbox's strings, one table per locale; English is the reference and the fallback. A new
 * locale (ar first) adds a table with the same keys; `{name}` placeholders are filled by `t`.
 */
const en = {
  'app.title': 'Casework',
  'signIn.heading': 'Sign in',
  'signIn.token': 'API token',
  'signIn.submit': 'Sign in',
  'signIn.failed': 'That token was not accepted.',
  'signIn.hint': 'Paste a personal API token. It is exchanged for a session and not kept by this page.',
  'signOut': 'Sign out',
  'nav.queues': 'Queues',
  'nav.mine': 'Mine',
  'nav.restricted': 'restricted',
  'list.heading': 'Tickets in {queue}',
  'list.mine': 'My tickets',
  'list.empty': 'No tickets here.',
  'list.keys': 'j / k move, Enter opens, / searches',
  'list.number': 'Number',
  'list.subject': 'Subject',
  'list.requester': 'Requester',
  'list.priority': 'Priority',
  'list.triage': 'Triage',
  'list.sla': 'SLA',
  'list.assignee': 'Assignee',
  'list.updated': 'Updated',
  'list.unassigned': 'unassigned',
  'sla.breached': 'breached',
  'sla.left': '{time} left',
  'sla.none': '—',
  'triage.level': 'level {level}',
  'loading': 'Loading…',
  'error.generic': 'Something went wrong: {message}',
  'ticket.thread': 'Conversation',
  'ticket.from': 'From {from}',
  'ticket.note': 'Internal note',
  'ticket.outbound': 'Sent',
  'ticket.delivery': 'delivery: {state}',
  'ticket.htmlFrame': 'Message from {from}',
  'ticket.noBody': '(no text)',
  'ticket.attachments': 'Attachments',
  'ticket.sha256': 'SHA-256',
  'ticket.download': 'Download {name}',
  'ticket.downloadAction': 'Download',
  'ticket.attachmentBlocked': 'Blocked (hash list)',
  'ticket.attachmentNotStored': 'Not stored',
  'composer.heading': 'Answer and update',
  'composer.reply': 'Reply',
  'composer.send': 'Send reply',
  'composer.note': 'Note',
  'composer.addNote': 'Add note',
  'composer.status': 'Status',
  'composer.changed': 'new messages arrived — review before sending',
  'composer.sent': 'Reply queued for sending.',
  'composer.noted': 'Note added.',
  'nav.ops': 'Ops',
  'search.label': 'Search',
  'search.heading': 'Search: {q}',
  'search.none': 'Nothing found.',
  'ops.heading': 'SLA and on call',
  'ops.breaches': 'Breached',
  'ops.atRisk': 'Due within the hour',
  'ops.onCall': 'On call now',
  'ops.noBreaches': 'No breached clocks.',
  'ops.noneAtRisk': 'Nothing due within the hour.',
  'ops.nobodyOnCall': 'Nobody is on call.',
  'ops.rotaHidden': 'The rota is shown to leads, ops and admins.',
  'ops.breachedAt': 'breached',
  'ops.dueAt': 'due',
  'ops.until': 'until {time}',
  'requester.heading': 'Requester',
  'requester.none': 'No other tickets from them.',
  'history.heading': 'History',
  'history.routing': 'routing',
  'presence.viewing': '{name} is viewing',
  'presence.replying': '{name} is replying',
  'controls.heading': 'Ticket settings',
  'controls.priority': 'Priority',
  'controls.assignee': 'Assignee',
  'controls.me': '{name} (me)',
  'controls.tags': 'Tags',
  'controls.tagsHint': 'comma-separated',
  'controls.saveTags': 'Save tags',
  'priority.low': 'low',
  'priority.normal': 'normal',
  'priority.high': 'high',
  'priority.emergency': 'emergency',
  'status.new': 'new',
  'status.open': 'open',
  'status.pending': 'pending',
  'status.resolved': 'resolved',
  'status.closed': 'closed',
} as const;

export type MessageKey = keyof typeof en;
type Table = Record<MessageKey, string>;

const TABLES: Record<string, Table> = { en };

let active: Table = en;

export function setLocale(locale: string): void {
  active = TABLES[locale] ?? TABLES[locale.split('-')[0]] ?? en;
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return (active[key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
