import type { StoredTemplate, TemplateKind } from '@casework/domain';
import type { Db } from '../db.js';

/** A live template with its newest version, as the API shows it. */
export interface TemplateRecord extends StoredTemplate {
  createdAt: Date;
  updatedAt: Date;
  /** Who saved the newest version (null: the seed, or a user since removed). */
  updatedBy: string | null;
}

export interface TemplateVersionRecord {
  version: number;
  subject: string;
  text: string;
  html: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface NewTemplate {
  key: string;
  locale: string;
  queueId: string | null;
  kind: TemplateKind;
  subject: string;
  text: string;
  html: string | null;
  createdBy: string | null;
}

export type TemplateText = Pick<NewTemplate, 'subject' | 'text' | 'html' | 'createdBy'>;

export interface TemplateFilter {
  kind?: TemplateKind;
  key?: string;
  locale?: string;
  /** A queue's overrides; null: only global templates; absent: both. */
  queueId?: string | null;
}

const CURRENT = `
  SELECT t.id, t.key, t.locale, t.queue_id, t.kind, t.version, v.subject, v.body_text, v.body_html, v.created_by, t.created_at, t.updated_at
    FROM template t JOIN template_version v ON v.template_id = t.id AND v.version = t.version
   WHERE t.deleted_at IS NULL`;

/**
 * The template library: a template is key × locale × queue (null: global) with a kind, and every
 * save adds a version (the outbound message names the version it was rendered from). Deleting
 * only hides a template, so the versions sent mail names stay readable.
 */
export class TemplateRepository {
  async list(db: Db, filter: TemplateFilter = {}): Promise<TemplateRecord[]> {
    const rows = await db.query(
      `${CURRENT} AND ($1::text IS NULL OR t.kind = $1) AND ($2::text IS NULL OR t.key = $2) AND ($3::text IS NULL OR t.locale = $3)
         AND ($4::boolean OR t.queue_id IS NOT DISTINCT FROM $5::uuid)
       ORDER BY t.kind, t.key, t.locale, t.queue_id NULLS FIRST`,
      [filter.kind ?? null, filter.key ?? null, filter.locale ?? null, filter.queueId === undefined, filter.queueId ?? null],
    );
    return rows.map(mapTemplate);
  }

  async find(db: Db, id: string): Promise<TemplateRecord | null> {
    const [row] = await db.query(`${CURRENT} AND t.id = $1`, [id]);
    return row ? mapTemplate(row) : null;
  }

  /** Every live template of these keys a mail to these queues may use: the global ones and those queues' overrides. */
  async library(db: Db, keys: readonly string[], queueIds: readonly string[]): Promise<StoredTemplate[]> {
    const rows = await db.query(`${CURRENT} AND t.key = ANY($1::text[]) AND (t.queue_id IS NULL OR t.queue_id = ANY($2::uuid[]))`, [[...keys], [...new Set(queueIds)]]);
    return rows.map(mapTemplate);
  }

  /** Newest first. Empty for an unknown or deleted template. */
  async versions(db: Db, id: string): Promise<TemplateVersionRecord[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT v.version, v.subject, v.body_text, v.body_html, v.created_by, v.created_at
         FROM template_version v JOIN template t ON t.id = v.template_id AND t.deleted_at IS NULL
        WHERE v.template_id = $1 ORDER BY v.version DESC`,
      [id],
    );
    return rows.map((row) => ({
      version: row.version as number,
      subject: row.subject as string,
      text: row.body_text as string,
      html: (row.body_html as string | null) ?? null,
      createdBy: (row.created_by as string | null) ?? null,
      createdAt: row.created_at as Date,
    }));
  }

  /** Version 1 of a new template; null when a live one has this key, locale and queue. */
  async create(tx: Db, template: NewTemplate): Promise<TemplateRecord | null> {
    const [row] = await tx.query(
      `INSERT INTO template (key, locale, queue_id, kind, version) VALUES ($1, $2, $3, $4, 1) ON CONFLICT DO NOTHING RETURNING id`,
      [template.key, template.locale, template.queueId, template.kind],
    );
    if (!row) return null;
    await this.addVersion(tx, row.id, 1, template);
    return this.find(tx, row.id);
  }

  /** A new version of a live template (its row locked meanwhile); null when there is none. */
  async saveVersion(tx: Db, id: string, text: TemplateText): Promise<TemplateRecord | null> {
    const [row] = await tx.query(
      `WITH bumped AS (UPDATE template SET version = version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING version)
       SELECT version FROM bumped`,
      [id],
    );
    if (!row) return null;
    await this.addVersion(tx, id, row.version, text);
    return this.find(tx, id);
  }

  /** Hides a live template; false when there is none. */
  async delete(tx: Db, id: string): Promise<boolean> {
    const rows = await tx.query(`WITH gone AS (UPDATE template SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id) SELECT id FROM gone`, [id]);
    return rows.length > 0;
  }

  /** A new version of a global message template when its text differs from the newest (creating it when missing). */
  async publish(db: Db, template: { key: string; locale: string; subject: string; body: string }): Promise<void> {
    const existing = (await this.list(db, { key: template.key, locale: template.locale, queueId: null }))[0];
    const text = { subject: template.subject, text: template.body, html: null, createdBy: null };
    if (!existing) await this.create(db, { ...text, key: template.key, locale: template.locale, queueId: null, kind: 'message' });
    else if (existing.subject !== template.subject || existing.text !== template.body) await this.saveVersion(db, existing.id, text);
  }

  /**
   * Seeds global templates in one statement: those missing are created; one whose newest text is
   * an earlier release's seed (`replaced`) gets the new text as a version. Texts an admin wrote are
   * never touched, so re-seeding on every start is harmless.
   */
  async seed(db: Db, seeds: readonly Pick<NewTemplate, 'key' | 'locale' | 'kind' | 'subject' | 'text'>[], replaced: readonly { subject: string; text: string }[] = []): Promise<void> {
    await db.query(
      `WITH seed (key, locale, kind, subject, body_text) AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])),
            current AS (${CURRENT} AND t.queue_id IS NULL),
            fresh AS (
              INSERT INTO template (key, locale, kind, version)
              SELECT s.key, s.locale, s.kind, 1 FROM seed s WHERE NOT EXISTS (SELECT 1 FROM current c WHERE c.key = s.key AND c.locale = s.locale)
              ON CONFLICT DO NOTHING RETURNING id, key, locale, version),
            upgraded AS (
              UPDATE template t SET version = t.version + 1, updated_at = now()
                FROM current c JOIN seed s ON s.key = c.key AND s.locale = c.locale
               WHERE t.id = c.id AND (c.subject, c.body_text) <> (s.subject, s.body_text)
                 AND (c.subject, c.body_text) IN (SELECT * FROM unnest($6::text[], $7::text[]))
              RETURNING t.id, t.key, t.locale, t.version)
       INSERT INTO template_version (template_id, version, subject, body_text)
       SELECT n.id, n.version, s.subject, s.body_text FROM (SELECT * FROM fresh UNION ALL SELECT * FROM upgraded) n JOIN seed s ON s.key = n.key AND s.locale = n.locale`,
      [
        seeds.map((s) => s.key),
        seeds.map((s) => s.locale),
        seeds.map((s) => s.kind),
        seeds.map((s) => s.subject),
        seeds.map((s) => s.text),
        replaced.map((r) => r.subject),
        replaced.map((r) => r.text),
      ],
    );
  }

  private async addVersion(tx: Db, id: string, version: number, text: TemplateText): Promise<void> {
    await tx.query(`INSERT INTO template_version (template_id, version, subject, body_text, body_html, created_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      version,
      text.subject,
      text.text,
      text.html,
      text.createdBy,
    ]);
  }
}

function mapTemplate(row: Record<string, unknown>): TemplateRecord {
  return {
    id: row.id as string,
    key: row.key as string,
    locale: row.locale as string,
    queueId: (row.queue_id as string | null) ?? null,
    kind: row.kind as TemplateKind,
    version: row.version as number,
    subject: row.subject as string,
    text: row.body_text as string,
    html: (row.body_html as string | null) ?? null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    updatedBy: (row.created_by as string | null) ?? null,
  };
}
