import type { Db } from '../db.js';

export interface QueueRecord {
  id: string;
  slug: string;
  name: string;
  address: string;
  isDefault: boolean;
}

const COLUMNS = 'id, slug, name, address, is_default';

export class QueueRepository {
  async list(db: Db): Promise<QueueRecord[]> {
    const rows = await db.query(`SELECT ${COLUMNS} FROM queue ORDER BY name, slug`);
    return rows.map(mapQueue);
  }

  async findDefault(db: Db): Promise<QueueRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM queue WHERE is_default`);
    return row ? mapQueue(row) : null;
  }

  async find(db: Db, id: string): Promise<QueueRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM queue WHERE id = $1`, [id]);
    return row ? mapQueue(row) : null;
  }

  async upsert(db: Db, queue: Omit<QueueRecord, 'id'>): Promise<QueueRecord> {
    const [row] = await db.query(
      `INSERT INTO queue (slug, name, address, is_default) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, is_default = EXCLUDED.is_default
       RETURNING ${COLUMNS}`,
      [queue.slug, queue.name, queue.address, queue.isDefault],
    );
    return mapQueue(row);
  }
}

function mapQueue(row: Record<string, unknown>): QueueRecord {
  return { id: row.id as string, slug: row.slug as string, name: row.name as string, address: row.address as string, isDefault: row.is_default as boolean };
}
