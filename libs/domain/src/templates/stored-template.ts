import type { TemplateKind } from './template-catalog.js';

/** One template as stored: its newest version (or the one asked for). */
export interface StoredTemplate {
  id: string;
  key: string;
  locale: string;
  /** Null: the global template; else this queue's override of it. */
  queueId: string | null;
  kind: TemplateKind;
  version: number;
  subject: string;
  text: string;
  /** Null: the HTML part is made from the text part. */
  html: string | null;
}

/** The sources a template is checked and rendered from. */
export type TemplateSources = Pick<StoredTemplate, 'subject' | 'text' | 'html'>;
