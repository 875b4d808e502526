import type { Db } from '../db.js';

export interface TemplateRecord {
  key: string;
  locale: string;
  version: number;
  subject: string;
  body: string;
}

export class TemplateRepository {
  /** The newest version for the locale, else the newest English one. */
  async latest(db: Db, key: string, locale: string): Promise<TemplateRecord | null> {
    const [row] = await db.query(
      `SELECT key, locale, version, subject, body FROM template
        WHERE key = $1 AND locale IN ($2, 'en')
        ORDER BY (locale = $2) DESC, version DESC LIMIT 1`,
      [key, locale],
    );
    return row ?? null;
  }

  /** Adds a version only when the text changed, so re-seeding is harmless. */
  async publish(db: Db, template: Omit<TemplateRecord, 'version'>): Promise<void> {
    await db.query(
      `INSERT INTO template (key, locale, version, subject, body)
       SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4 FROM template WHERE key = $1 AND locale = $2
       HAVING NOT EXISTS (
         SELECT 1 FROM template t WHERE t.key = $1 AND t.locale = $2 AND t.subject = $3 AND t.body = $4
           AND t.version = (SELECT MAX(version) FROM template WHERE key = $1 AND locale = $2))`,
      [template.key, template.locale, template.subject, template.body],
    );
  }
}
