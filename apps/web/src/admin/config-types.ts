import { ApiError } from '../api/client';

/**
 * The shapes of /templates, /rules and /audit this page reads (apps/api/src/{templates,rules,audit}/dto).
 * The lists of kinds and locales mirror libs/domain, which the page does not import.
 */
export const TEMPLATE_KINDS = ['message', 'snippet', 'partial'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_LOCALES = ['en', 'es', 'fr', 'de', 'ar', 'ru', 'zh', 'hi'] as const;

export interface Template {
  id: string;
  key: string;
  locale: string;
  kind: TemplateKind;
  /** null: the global template; else this queue's override of it. */
  queueId: string | null;
  version: number;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface TemplateVersion {
  version: number;
  subject: string;
  text: string;
  html: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface TemplatePreview {
  subject: string;
  text: string;
  /** A whole HTML document: shown only inside the sandboxed EmailFrame. */
  html: string;
  locale: string;
  missing: string[];
}

export interface Rule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  when: unknown;
  then: unknown[];
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
}

export interface DryRunResult {
  ruleSet: 'stored' | 'candidate';
  enabledRules: number;
  mail: { from: string | null; to: string[]; cc: string[]; subject: string; language: string | null; attachmentTypes: string[]; triageCategories: string[] };
  matched: { ruleId: string; name: string; actions: Record<string, unknown>[] }[];
  outcome: {
    queue: { id: string; slug: string; name: string } | null;
    priority: string | null;
    tags: string[];
    assigneeId: string | null;
    suppressAcknowledgement: boolean;
    spam: boolean;
    stoppedAt: string | null;
  };
  skipped: { ruleId: string; reason: string }[];
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: { id: string | null; email: string | null };
  action: string;
  ticketId: string | null;
  ticketIds: string[];
  queueId: string | null;
  subject: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface AuditVerdict {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}

/** A 400's `fields` (the part or path at fault and its problems), or the error's message alone. */
export function problemsOf(error: unknown): { fields: [string, string[]][]; message: string } {
  if (error instanceof ApiError) {
    const fields = (error.body as { fields?: Record<string, string[]> } | null)?.fields;
    if (fields && typeof fields === 'object') return { fields: Object.entries(fields), message: error.message };
    return { fields: [], message: error.message };
  }
  return { fields: [], message: error instanceof Error ? error.message : String(error) };
}
