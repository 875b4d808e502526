import type { MessageKey } from '../i18n/index';

/** The admin pages, each shown to the roles whose capability it needs (the API decides again). */
export interface AdminSection {
  path: string;
  label: MessageKey;
  capability: string;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: 'users', label: 'admin.nav.users', capability: 'users:manage' },
  { path: 'queues', label: 'admin.nav.queues', capability: 'queues:manage' },
  { path: 'mailboxes', label: 'admin.nav.mailboxes', capability: 'mailboxes:manage' },
  { path: 'templates', label: 'admin.nav.templates', capability: 'templates:manage' },
  { path: 'rules', label: 'admin.nav.rules', capability: 'rules:manage' },
  { path: 'audit', label: 'admin.nav.audit', capability: 'audit:read' },
];

export function adminSectionsFor(capabilities: readonly string[]): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => capabilities.includes(section.capability));
}
