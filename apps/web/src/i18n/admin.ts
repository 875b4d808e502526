import type { Translations } from './locales';

/** The admin pages' strings: navigation, users and tokens, queues and grants, mailboxes. */
export const adminEn = {
  'admin.nav': 'Administration',
  'admin.nav.users': 'Users',
  'admin.nav.queues': 'Queues and access',
  'admin.nav.mailboxes': 'Mailboxes',
  'admin.nav.templates': 'Templates',
  'admin.nav.rules': 'Rules',
  'admin.nav.audit': 'Audit log',
} as const;

export const adminTranslations: Translations<typeof adminEn> = {
  es: {
    'admin.nav': 'Administración',
    'admin.nav.users': 'Usuarios',
    'admin.nav.queues': 'Colas y acceso',
    'admin.nav.mailboxes': 'Buzones',
    'admin.nav.templates': 'Plantillas',
    'admin.nav.rules': 'Reglas',
    'admin.nav.audit': 'Registro de auditoría',
  },
  fr: {
    'admin.nav': 'Administration',
    'admin.nav.users': 'Utilisateurs',
    'admin.nav.queues': 'Files et accès',
    'admin.nav.mailboxes': 'Boîtes aux lettres',
    'admin.nav.templates': 'Modèles',
    'admin.nav.rules': 'Règles',
    'admin.nav.audit': 'Journal d’audit',
  },
  de: {
    'admin.nav': 'Verwaltung',
    'admin.nav.users': 'Benutzer',
    'admin.nav.queues': 'Queues und Zugriff',
    'admin.nav.mailboxes': 'Postfächer',
    'admin.nav.templates': 'Vorlagen',
    'admin.nav.rules': 'Regeln',
    'admin.nav.audit': 'Audit-Protokoll',
  },
  ar: {
    'admin.nav': 'الإدارة',
    'admin.nav.users': 'المستخدمون',
    'admin.nav.queues': 'قوائم الانتظار والوصول',
    'admin.nav.mailboxes': 'صناديق البريد',
    'admin.nav.templates': 'القوالب',
    'admin.nav.rules': 'القواعد',
    'admin.nav.audit': 'سجل التدقيق',
  },
};
