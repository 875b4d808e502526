import type { Db } from './db.js';
import { QueueRepository } from './repositories/queue.repository.js';
import { QueueRoutingRepository } from './repositories/queue-routing.repository.js';
import { SlaPolicyRepository } from './repositories/sla-policy.repository.js';
import { TemplateRepository } from './repositories/template.repository.js';
import { SEED_TEMPLATES } from './seed-templates.js';
import { UserRepository } from './repositories/user.repository.js';

export interface SeedOptions {
  queueAddress: string;
  firstResponseMinutes: number;
}

/** The English acknowledgement of releases before the template library: re-seeding replaces it when nobody changed it. */
const LEGACY_ACKNOWLEDGEMENT = {
  subject: 'We received your message: {{ticket.subject}}',
  text: [
    'Hello{{#if requester.name}} {{requester.name}}{{/if}},',
    '',
    'Thank you for writing to the {{queue.name}} team. Your message is now ticket {{ticket.number}};',
    'a specialist will answer you. Please keep [#{{ticket.number}}] in the subject when you write again.',
    '',
    'This is an automatic acknowledgement.',
  ].join('\n'),
};

const seeded = (key: string) => {
  const template = SEED_TEMPLATES.find((t) => t.key === key && t.locale === 'en')!;
  return { key, locale: 'en', subject: template.subject, body: template.text };
};

/** The English SLA notices, also the fallback of a database that was migrated but never seeded. */
export const SLA_BREACH_TEMPLATE = seeded('sla-breach');
/** Sent once per clock when it has used its policy's warning share (e.g. 80 %) of the target. */
export const SLA_WARNING_TEMPLATE = seeded('sla-warning');

/**
 * Idempotent: the demo queue as default (its ops list left empty: notices go to OPS_EMAIL), the
 * spam queue (with its 24-hour review policy) and the postmaster queue, the template library
 * (seed-templates: every mail Casework sends by itself and the partials, in every locale), the
 * default SLA policy, the built-in admin the API_BOOTSTRAP_TOKEN acts as.
 */
export async function seedDefaults(db: Db, options: SeedOptions): Promise<void> {
  const queues = new QueueRepository();
  const existingDefault = await queues.findDefault(db);
  if (!existingDefault) {
    await queues.upsert(db, { slug: 'safety', name: 'Safety', address: options.queueAddress, isDefault: true });
  }
  await new QueueRoutingRepository().ensureSystemQueues(db, existingDefault?.address ?? options.queueAddress);
  await new TemplateRepository().seed(db, SEED_TEMPLATES, [LEGACY_ACKNOWLEDGEMENT]);
  await new SlaPolicyRepository().upsertDefaultPolicy(db, options.firstResponseMinutes);
  await new UserRepository().ensureBootstrapAdmin(db);
}
