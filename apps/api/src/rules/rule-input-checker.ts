import { Inject, Injectable } from '@nestjs/common';
import { QueueRepository, UserRepository, type Db } from '@casework/database';
import { validateRule, type RuleInput } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import { ruleFields, RuleErrors } from './rule.errors.js';

/** A rule as the API receives it, before defaults: position and enabled may be absent. */
export interface WrittenRule {
  name: unknown;
  position?: unknown;
  enabled?: unknown;
  when: unknown;
  then: unknown;
}

/**
 * Checks written rules: their shape by the domain's validateRule, then what only the database
 * knows — the queue of each setQueue and the user of each assign exist. Every problem of every
 * rule is reported at once (400), each under its rule's prefix.
 */
@Injectable()
export class RuleInputChecker {
  constructor(
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async checkOne(db: Db, written: WrittenRule, defaults: { position: number }): Promise<RuleInput> {
    const [rule] = await this.check(db, [{ written, prefix: '', position: defaults.position }]);
    return rule;
  }

  async check(db: Db, rules: { written: WrittenRule; prefix: string; position: number }[]): Promise<RuleInput[]> {
    const fields: Record<string, string[]> = {};
    const valid: { rule: RuleInput; prefix: string }[] = [];
    for (const { written, prefix, position } of rules) {
      const result = validateRule({ ...written, position: written.position ?? position, enabled: written.enabled ?? true });
      if (result.ok) valid.push({ rule: result.rule, prefix });
      else ruleFields(result.errors, prefix, fields);
    }
    await this.checkReferences(db, valid, fields);
    if (Object.keys(fields).length > 0) throw RuleErrors.invalid(fields);
    return valid.map(({ rule }) => rule);
  }

  private async checkReferences(db: Db, rules: { rule: RuleInput; prefix: string }[], fields: Record<string, string[]>): Promise<void> {
    const actions = rules.flatMap(({ rule, prefix }) => rule.then.map((action, index) => ({ action, path: [prefix, `then.${index}`].filter(Boolean).join('.') })));
    if (actions.length === 0) return;
    const queues = await this.queues.list(db);
    const slugs = new Set(queues.map((q) => q.slug));
    const queueIds = new Set(queues.map((q) => q.id));
    const userIds = actions.flatMap(({ action }) => (action.type === 'assign' && isUuid(action.userId) ? [action.userId.toLowerCase()] : []));
    const users = new Set(await this.users.existing(db, [...new Set(userIds)]));
    const fail = (path: string, message: string) => (fields[path] ??= []).push(message);
    for (const { action, path } of actions) {
      if (action.type === 'setQueue') {
        if ('queueSlug' in action && !slugs.has(action.queueSlug)) fail(`${path}.queueSlug`, `no queue has the slug ${JSON.stringify(action.queueSlug.slice(0, 64))}`);
        if ('queueId' in action && !queueIds.has(action.queueId.toLowerCase())) fail(`${path}.queueId`, 'no queue has this id');
      }
      if (action.type === 'assign' && !users.has(action.userId.toLowerCase())) fail(`${path}.userId`, 'no user has this id');
      // Ids are stored as the database spells them, so the router's look-ups match.
      if (action.type === 'setQueue' && 'queueId' in action) action.queueId = action.queueId.toLowerCase();
      if (action.type === 'assign') action.userId = action.userId.toLowerCase();
    }
  }
}
