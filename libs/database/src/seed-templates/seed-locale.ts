/** The seeded texts of one language: the partials, then each mail Casework sends by itself. */
export interface SeedLocale {
  salutation: string;
  signature: string;
  acknowledgement: { subject: string; text: string };
  reply: { subject: string; text: string };
  'sla-warning': { subject: string; text: string };
  'sla-breach': { subject: string; text: string };
  page: { subject: string; text: string };
}

/** Lines joined with newlines: how the texts below are written. */
export const lines = (...parts: string[]): string => parts.join('\n');

/** Every language wraps a specialist's text the same way. */
export const REPLY_TEXT = lines('{{> salutation}}', '', '{{body}}', '', '{{> signature}}');
