import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoutingRuleRepository, type RoutingRuleRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import type { RuleInputDto } from './dto/rule.dto.js';
import { RuleErrors } from './rule.errors.js';
import { RuleInputChecker } from './rule-input-checker.js';

/** Replaces a rule whole (an omitted position keeps the rule's place, an omitted enabled is true); answers it before and after. */
@Injectable()
export class ReplaceRuleUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RoutingRuleRepository) private readonly rules: RoutingRuleRepository,
    @Inject(RuleInputChecker) private readonly checker: RuleInputChecker,
  ) {}

  async execute(id: string, input: RuleInputDto): Promise<{ before: RoutingRuleRecord; after: RoutingRuleRecord }> {
    if (!isUuid(id)) throw RuleErrors.notFound(id);
    return this.db.transaction(async (tx) => {
      const before = await this.rules.find(tx, id);
      if (!before) throw RuleErrors.notFound(id);
      const rule = await this.checker.checkOne(tx, input, { position: before.position });
      const after = await this.rules.replace(tx, id, rule);
      if (!after) throw RuleErrors.notFound(id);
      return { before, after };
    });
  }
}
