import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoutingRuleRepository, type RoutingRuleRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import { RuleErrors } from './rule.errors.js';

/** Removes a rule; answers what it was, for the audit trail (which then holds all that is needed to restore it). */
@Injectable()
export class DeleteRuleUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RoutingRuleRepository) private readonly rules: RoutingRuleRepository,
  ) {}

  async execute(id: string): Promise<RoutingRuleRecord> {
    const deleted = isUuid(id) ? await this.rules.delete(this.db, id) : null;
    if (!deleted) throw RuleErrors.notFound(id);
    return deleted;
  }
}
