import { Injectable } from '@nestjs/common';
import { NO_RULES_MATCHED, NO_TRIAGE, type MailFacts, type RuleOutcome, type TriageResult } from '@casework/domain';
import type { ParsedMail } from '@casework/mail';

/** What routing computes from a mail's content before it decides, for one batch. */
export interface MailSignals {
  triageOf(mail: ParsedMail): TriageResult;
  languageOf(mail: ParsedMail): string | null;
  /** The rule set's outcome; rules may look at triage and language, so they come after. */
  rulesFor(mail: ParsedMail, facts: MailFacts, triage: TriageResult, language: string | null): RuleOutcome;
}

const NONE: MailSignals = {
  triageOf: () => NO_TRIAGE,
  languageOf: () => null,
  rulesFor: () => NO_RULES_MATCHED,
};

/**
 * Where rules, triage and language detection plug into routing: `forBatch` loads what they
 * need once per batch (the rule set) and answers per mail. Until those exist (their branches:
 * libs/domain rules/ evaluateRules, triage/ triage, language/ detectLanguage) every mail gets
 * "no rules matched", "no triage" and no language, and the decision is made without them.
 */
@Injectable()
export class RoutingSignals {
  async forBatch(): Promise<MailSignals> {
    return NONE;
  }
}
