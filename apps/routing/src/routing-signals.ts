import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, RoutingRuleRepository, type EnabledRuleSet } from '@casework/database';
import { evaluateRules, NO_RULES_MATCHED, ruleFactsOf, ruleOutcomeOf, type MailFacts, type RuleOutcome, type TriageResult } from '@casework/domain';
import { contentSignalsOf, type ParsedMail } from '@casework/mail';

/** What routing computes from a mail's content before it decides, for one batch. */
export interface MailSignals {
  contentOf(mail: ParsedMail): { triage: TriageResult; language: string | null };
  /** The rule set's outcome; rules may look at triage and language, so they come after. */
  rulesFor(mail: ParsedMail, facts: MailFacts, triage: TriageResult, language: string | null): RuleOutcome;
}

/**
 * Where rules, triage and language detection plug into routing: `forBatch` loads the enabled
 * rule set once per batch (one version read while it is unchanged; regexes stay compiled) and
 * knows the queues a rule may name by slug (kept: slugs never change, so the queues are read
 * again only when a rule names a slug not seen yet — a queue created since); per mail it runs triage and language detection on what
 * the person wrote, then the rules, which may look at both.
 */
@Injectable()
export class RoutingSignals implements OnModuleInit {
  private ruleSet: EnabledRuleSet | null = null;
  private queueIdBySlug = new Map<string, string>();

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RoutingRuleRepository) private readonly rules: RoutingRuleRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  /** Builds the triage matcher (all lexicons, ~1 s) before the first mail, not while it waits. */
  onModuleInit(): void {
    contentSignalsOf({ subject: 'start', text: 'routing starts' });
  }

  async forBatch(): Promise<MailSignals> {
    this.ruleSet = await this.rules.loadEnabledIfChanged(this.db, this.ruleSet);
    const { rules } = this.ruleSet;
    const named = rules.flatMap((rule) => rule.then.flatMap((action) => (action.type === 'setQueue' && 'queueSlug' in action ? [action.queueSlug] : [])));
    if (named.some((slug) => !this.queueIdBySlug.has(slug))) this.queueIdBySlug = new Map((await this.queues.list(this.db)).map((q) => [q.slug, q.id]));
    const queueIdBySlug = this.queueIdBySlug;
    const queueIdOf = (ref: { queueSlug: string } | { queueId: string }) => ('queueId' in ref ? ref.queueId : (queueIdBySlug.get(ref.queueSlug) ?? null));
    return {
      contentOf: contentSignalsOf,
      rulesFor: (mail, _facts, found, language) => {
        if (rules.length === 0) return NO_RULES_MATCHED;
        const facts = ruleFactsOf(mail, { language, triageCategories: found.categories.map((c) => c.category) });
        return ruleOutcomeOf(evaluateRules(rules, facts), queueIdOf);
      },
    };
  }
}
