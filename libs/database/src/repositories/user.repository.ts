import type { Role } from '@casework/domain';
import type { Db } from '../db.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  timeZone: string;
  disabled: boolean;
  createdAt: Date;
  lastSeenAt: Date | null;
}

export type NewUser = Pick<UserRecord, 'email' | 'name' | 'role' | 'locale' | 'timeZone'>;
export type UserChange = Partial<Pick<UserRecord, 'name' | 'role' | 'locale' | 'timeZone' | 'disabled'>>;

/** The address the API_BOOTSTRAP_TOKEN acts as: a built-in admin, so audit and grants have a user. */
export const BOOTSTRAP_ADMIN_EMAIL = 'bootstrap@casework.local';

const COLUMNS = `id, email, name, role, locale, time_zone AS "timeZone", disabled, created_at AS "createdAt", last_seen_at AS "lastSeenAt"`;
const UNIQUE_VIOLATION = '23505';

/** An e-mail already taken (case-insensitively); the caller answers 409. */
export class UserEmailTaken extends Error {}

export class UserRepository {
  async list(db: Db): Promise<UserRecord[]> {
    return db.query(`SELECT ${COLUMNS} FROM app_user ORDER BY created_at, id`);
  }

  async find(db: Db, id: string): Promise<UserRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM app_user WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findByEmail(db: Db, email: string): Promise<UserRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM app_user WHERE lower(email) = lower($1)`, [email]);
    return row ?? null;
  }

  async insert(db: Db, user: NewUser): Promise<UserRecord> {
    try {
      const [row] = await db.query(
        `INSERT INTO app_user (email, name, role, locale, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [user.email, user.name, user.role, user.locale, user.timeZone],
      );
      return row;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new UserEmailTaken(user.email);
      throw error;
    }
  }

  /** Which of these ids (lower-case) name users. */
  async existing(db: Db, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await db.query(`SELECT id::text AS id FROM app_user WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((row) => row.id);
  }

  /** The built-in admin, created on first use; its name and role are never changed here. */
  async ensureBootstrapAdmin(db: Db): Promise<UserRecord> {
    await db.query(
      `INSERT INTO app_user (email, name, role) VALUES ($1, 'Bootstrap admin', 'admin')
       ON CONFLICT ((lower(email))) DO NOTHING`,
      [BOOTSTRAP_ADMIN_EMAIL],
    );
    return (await this.findByEmail(db, BOOTSTRAP_ADMIN_EMAIL))!;
  }

  /** Locks the user row (and reads it) for a change that must see a stable set of admins. */
  async lock(tx: Db, id: string): Promise<UserRecord | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  /** Enabled admins other than `exceptId`, counted under a lock on their rows. */
  async countOtherEnabledAdmins(tx: Db, exceptId: string): Promise<number> {
    const rows = await tx.query(`SELECT id FROM app_user WHERE role = 'admin' AND NOT disabled AND id <> $1 FOR UPDATE`, [exceptId]);
    return rows.length;
  }

  async update(tx: Db, id: string, change: UserChange): Promise<UserRecord | null> {
    const [row] = await tx.query(
      `WITH u AS (
         UPDATE app_user SET name = COALESCE($2, name), role = COALESCE($3, role), locale = COALESCE($4, locale),
                time_zone = COALESCE($5, time_zone), disabled = COALESCE($6, disabled)
          WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM u`,
      [id, change.name ?? null, change.role ?? null, change.locale ?? null, change.timeZone ?? null, change.disabled ?? null],
    );
    return row ?? null;
  }
}
