// The shapes of the API the composer reads (templates, previews, drafts) beyond `api/types.ts`.
import type { Template } from '../admin/config-types';

/** A row of `GET /templates` as the composer reads it (the shape the admin pages declare). */
export type TemplateSummary = Pick<Template, 'id' | 'key' | 'locale' | 'kind' | 'queueId' | 'version' | 'subject' | 'text' | 'html'>;

/** `POST /templates/:id/preview` for a ticket: `locale` is the one rendered, `missing` the variables with no value. */
export interface TemplatePreview {
  subject: string;
  text: string;
  html: string;
  locale: string;
  missing: string[];
}

/** `GET /tickets/:id/draft`. */
/** `GET /tickets/:id/draft`: the caller's own unsent reply, its Cc field as typed. */
export interface Draft {
  body: string;
  cc: string;
  updatedAt: string;
}

/** What the composer keeps in a draft. */
export interface DraftContent {
  body: string;
  cc: string;
}

/** The part of a `GET /queues` row the template choice needs (its id and default reply language). */
export interface QueueLocale {
  id: string;
  slug: string;
  defaultLocale?: string | null;
}

/** What the reply form hands the template picker and reads back. */
export interface TemplateSelection {
  key: string;
  /** '' : the API's choice (the ticket's language, the queue's, English). */
  locale: string;
}
