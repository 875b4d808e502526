import type { Db } from './db.js';
import { QueueRepository } from './repositories/queue.repository.js';
import { QueueRoutingRepository } from './repositories/queue-routing.repository.js';
import { SlaPolicyRepository } from './repositories/sla-policy.repository.js';
import { TemplateRepository } from './repositories/template.repository.js';
import { UserRepository } from './repositories/user.repository.js';

export interface SeedOptions {
  queueAddress: string;
  firstResponseMinutes: number;
}

export const ACKNOWLEDGEMENT_TEMPLATE = {
  key: 'acknowledgement',
  locale: 'en',
  subject: 'We received your message: {{ticket.subject}}',
  body: [
    'Hello{{#if requester.name}} {{requester.name}}{{/if}},',
    '',
    'Thank you for writing to the {{queue.name}} team. Your message is now ticket {{ticket.number}};',
    'a specialist will answer you. Please keep [#{{ticket.number}}] in the subject when you write again.',
    '',
    'This is an automatic acknowledgement.',
  ].join('\n'),
};

export const SLA_BREACH_TEMPLATE = {
  key: 'sla-breach',
  locale: 'en',
  subject: 'SLA breached: {{clock.kind}} on ticket {{ticket.number}}',
  body: [
    'The {{clock.kind}} target of ticket {{ticket.number}} ("{{ticket.subject}}") was due at {{clock.dueAt}}',
    'and has passed without an answer.',
  ].join('\n'),
};

/** Sent once per clock when it has used its policy's warning share (e.g. 80 %) of the target. */
export const SLA_WARNING_TEMPLATE = {
  key: 'sla-warning',
  locale: 'en',
  subject: 'SLA warning: {{clock.kind}} on ticket {{ticket.number}} is due at {{clock.dueAt}}',
  body: [
    'The {{clock.kind}} target of ticket {{ticket.number}} ("{{ticket.subject}}") is due at {{clock.dueAt}}',
    'and has not been met yet.',
  ].join('\n'),
};

/**
 * Idempotent: the demo queue as default (its ops list left empty: notices go to OPS_EMAIL), the
 * spam queue (with its 24-hour review policy) and the postmaster queue, the
 * acknowledgement and SLA notice templates, the default SLA policy, the built-in admin the
 * API_BOOTSTRAP_TOKEN acts as.
 */
export async function seedDefaults(db: Db, options: SeedOptions): Promise<void> {
  const queues = new QueueRepository();
  const existingDefault = await queues.findDefault(db);
  if (!existingDefault) {
    await queues.upsert(db, { slug: 'safety', name: 'Safety', address: options.queueAddress, isDefault: true });
  }
  await new QueueRoutingRepository().ensureSystemQueues(db, existingDefault?.address ?? options.queueAddress);
  const templates = new TemplateRepository();
  await templates.publish(db, ACKNOWLEDGEMENT_TEMPLATE);
  await templates.publish(db, SLA_BREACH_TEMPLATE);
  await templates.publish(db, SLA_WARNING_TEMPLATE);
  await new SlaPolicyRepository().upsertDefaultPolicy(db, options.firstResponseMinutes);
  await new UserRepository().ensureBootstrapAdmin(db);
}
