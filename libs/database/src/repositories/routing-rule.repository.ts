import type { Rule, RuleDefinition, RuleInput } from '@casework/domain';
import type { Db } from '../db.js';

/** A stored rule with who wrote it and when. */
export interface RoutingRuleRecord extends Rule {
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
}

/** The enabled rules in evaluation order, and the version of the rule set they were read at. */
export interface EnabledRuleSet {
  version: string;
  rules: Rule[];
}

const COLUMNS = 'id, name, position, enabled, definition, created_at, updated_at, created_by';

function toRecord(row: Record<string, unknown>): RoutingRuleRecord {
  const definition = row.definition as RuleDefinition;
  return {
    id: row.id as string,
    name: row.name as string,
    position: row.position as number,
    enabled: row.enabled as boolean,
    when: definition.when,
    then: definition.then,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    createdBy: (row.created_by as string | null) ?? null,
  };
}

const definitionOf = (rule: RuleInput): string => JSON.stringify({ when: rule.when, then: rule.then });

/**
 * Routing rules as the API manages them and as the router loads them. Definitions are written
 * only after libs/domain validateRule accepted them; they are read back as stored.
 */
export class RoutingRuleRepository {
  /** Every rule, enabled or not, in evaluation order (position, then id). */
  async list(db: Db): Promise<RoutingRuleRecord[]> {
    const rows = await db.query(`SELECT ${COLUMNS} FROM routing_rule ORDER BY position, id`);
    return rows.map(toRecord);
  }

  async find(db: Db, id: string): Promise<RoutingRuleRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM routing_rule WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  /** The position after the last rule's: where a rule given without one goes. */
  async nextPosition(db: Db): Promise<number> {
    const [row] = await db.query('SELECT coalesce(max(position) + 10, 0) AS next FROM routing_rule');
    return Number(row.next);
  }

  async create(db: Db, rule: RuleInput, createdBy: string | null): Promise<RoutingRuleRecord> {
    const [row] = await db.query(
      `INSERT INTO routing_rule (name, position, enabled, definition, created_by) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING ${COLUMNS}`,
      [rule.name, rule.position, rule.enabled, definitionOf(rule), createdBy],
    );
    return toRecord(row);
  }

  /** Replaces a rule's name, position, enabled flag and definition; null when there is no such rule. */
  async replace(db: Db, id: string, rule: RuleInput): Promise<RoutingRuleRecord | null> {
    const rows = await db.query(
      `WITH changed AS (
         UPDATE routing_rule SET name = $2, position = $3, enabled = $4, definition = $5::jsonb, updated_at = now()
          WHERE id = $1 RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [id, rule.name, rule.position, rule.enabled, definitionOf(rule)],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The deleted rule, or null when there was none. */
  async delete(db: Db, id: string): Promise<RoutingRuleRecord | null> {
    const rows = await db.query(`WITH gone AS (DELETE FROM routing_rule WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM gone`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The rule set's version: one primary-key row, bumped by every change to the rules. */
  async version(db: Db): Promise<string> {
    const [row] = await db.query('SELECT version::text AS version FROM routing_rule_set');
    return row.version as string;
  }

  /**
   * The enabled rules in evaluation order with the version they were read at, from one
   * statement (one snapshot: the version always describes these very rules).
   */
  async loadEnabled(db: Db): Promise<EnabledRuleSet> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT s.version::text AS set_version, r.id, r.name, r.position, r.enabled, r.definition, r.created_at, r.updated_at, r.created_by
         FROM routing_rule_set s LEFT JOIN routing_rule r ON r.enabled
        ORDER BY r.position, r.id`,
    );
    const version = (rows[0]?.set_version as string | undefined) ?? '0';
    const rules = rows.filter((row) => row.id !== null).map((row) => {
      const { createdAt: _c, updatedAt: _u, createdBy: _b, ...rule } = toRecord(row);
      return rule;
    });
    return { version, rules };
  }

  /**
   * What a router calls per mail or batch: `known` when the version is still `known.version`
   * (one primary-key read), else the set loaded afresh. Keeping the same `known` object keeps the
   * same Rule objects, so libs/domain evaluateRules compiles their regexes once.
   */
  async loadEnabledIfChanged(db: Db, known: EnabledRuleSet | null): Promise<EnabledRuleSet> {
    if (known && (await this.version(db)) === known.version) return known;
    return this.loadEnabled(db);
  }
}
