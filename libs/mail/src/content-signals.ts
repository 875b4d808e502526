import { detectLanguage, triage, type TriageResult } from '@casework/domain';
import type { ParsedMail } from './parsed-mail.js';

/** What a mail's words say: its language and its triage, as routing (and the rules dry-run) see them. */
export interface ContentSignals {
  language: string | null;
  triage: TriageResult;
}

/**
 * Triage reads the subject and the text part (the HTML's text when there is none) in every
 * language at once; the language is the text's, else the subject's.
 */
export function contentSignalsOf(mail: Pick<ParsedMail, 'subject' | 'text'>): ContentSignals {
  const written = mail.subject ? `${mail.subject}\n${mail.text}` : mail.text;
  return { language: detectLanguage(mail.text) ?? detectLanguage(mail.subject ?? ''), triage: triage(written) };
}
