import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoutingRuleRepository, type RoutingRuleRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import { RuleErrors } from './rule.errors.js';

/** Every rule in evaluation order, or one by id. */
@Injectable()
export class ListRulesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RoutingRuleRepository) private readonly rules: RoutingRuleRepository,
  ) {}

  list(): Promise<RoutingRuleRecord[]> {
    return this.rules.list(this.db);
  }

  async get(id: string): Promise<RoutingRuleRecord> {
    const rule = isUuid(id) ? await this.rules.find(this.db, id) : null;
    if (!rule) throw RuleErrors.notFound(id);
    return rule;
  }
}
