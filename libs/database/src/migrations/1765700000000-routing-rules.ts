import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing rules as data: one row per rule, its condition and actions as a JSON definition
 * (checked by libs/domain validateRule before it is written). `routing_rule_set.version` goes up
 * with every statement that changes the rules (a statement trigger), in commit order since the
 * statement locks that one row: a router compares one number before it reloads the set.
 */
export class RoutingRules1765700000000 implements MigrationInterface {
  name = 'RoutingRules1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE routing_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        position integer NOT NULL CHECK (position >= 0),
        enabled boolean NOT NULL DEFAULT true,
        definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object' AND definition ? 'when' AND definition ? 'then'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL
      );
      CREATE INDEX routing_rule_order ON routing_rule (position, id);

      CREATE TABLE routing_rule_set (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL
      );
      INSERT INTO routing_rule_set (singleton, version) VALUES (true, 0);

      CREATE FUNCTION routing_rule_set_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE routing_rule_set SET version = version + 1;
        RETURN NULL;
      END;
      $$;
      CREATE TRIGGER routing_rule_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_rule
        FOR EACH STATEMENT EXECUTE FUNCTION routing_rule_set_bump();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE routing_rule;
      DROP FUNCTION routing_rule_set_bump();
      DROP TABLE routing_rule_set;
    `);
  }
}
