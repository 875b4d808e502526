import type { DryRun } from './dry-run-rules.use-case.js';
import type { DryRunResultDto } from './dto/dry-run.dto.js';

export function toDryRunResultDto(run: DryRun): DryRunResultDto {
  const { facts, evaluation, queue } = run;
  const { outcome } = evaluation;
  return {
    ruleSet: run.ruleSet,
    enabledRules: run.rules.filter((rule) => rule.enabled).length,
    mail: {
      from: facts.from,
      to: [...facts.to],
      cc: [...facts.cc],
      subject: facts.subject,
      language: facts.language,
      attachmentTypes: [...facts.attachmentTypes],
      triageCategories: [...facts.triageCategories],
    },
    matched: evaluation.matched.map((match) => ({ ruleId: match.ruleId, name: match.name, actions: match.actions })),
    outcome: {
      queue: queue && { id: queue.id, slug: queue.slug, name: queue.name },
      priority: outcome.priority ?? null,
      tags: outcome.tags,
      assigneeId: outcome.assigneeId ?? null,
      suppressAcknowledgement: outcome.suppressAcknowledgement,
      spam: outcome.spam,
      stoppedAt: outcome.stoppedAt ?? null,
    },
    skipped: evaluation.skipped,
  };
}
