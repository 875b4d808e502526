import type { RoutingRuleRecord } from '@casework/database';
import type { RuleDto, RuleListDto } from './dto/rule.dto.js';

export function toRuleDto(rule: RoutingRuleRecord): RuleDto {
  return {
    id: rule.id,
    name: rule.name,
    position: rule.position,
    enabled: rule.enabled,
    when: rule.when,
    then: rule.then,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
    createdBy: rule.createdBy,
  };
}

export function toRuleListDto(rules: RoutingRuleRecord[]): RuleListDto {
  return { items: rules.map(toRuleDto) };
}

/** What the audit records of a rule: everything but bookkeeping (a definition holds no mail content). */
export function auditedRule(rule: RoutingRuleRecord): Record<string, unknown> {
  return { name: rule.name, position: rule.position, enabled: rule.enabled, when: rule.when, then: rule.then };
}
