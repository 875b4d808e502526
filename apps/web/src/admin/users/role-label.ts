import { t, type MessageKey } from '../../i18n/index';
import type { Role } from '../people-types';

const ROLE_LABELS: Record<Role, MessageKey> = {
  admin: 'admin.role.admin',
  lead: 'admin.role.lead',
  specialist: 'admin.role.specialist',
  ops: 'admin.role.ops',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ? t(ROLE_LABELS[role]) : role;
}
