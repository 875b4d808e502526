import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoutingRuleRepository, type RoutingRuleRecord } from '@casework/database';
import type { Caller } from '../auth/caller.js';
import type { RuleInputDto } from './dto/rule.dto.js';
import { RuleInputChecker } from './rule-input-checker.js';

/** A new rule; without a position it goes after the last one. The router sees it at its next rule-set check. */
@Injectable()
export class CreateRuleUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RoutingRuleRepository) private readonly rules: RoutingRuleRepository,
    @Inject(RuleInputChecker) private readonly checker: RuleInputChecker,
  ) {}

  async execute(caller: Caller, input: RuleInputDto): Promise<RoutingRuleRecord> {
    return this.db.transaction(async (tx) => {
      const position = input.position ?? (await this.rules.nextPosition(tx));
      const rule = await this.checker.checkOne(tx, input, { position });
      return this.rules.create(tx, rule, caller.userId);
    });
  }
}
