import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserEmailTaken, type ApiTokenRecord, type NewUser, type UserChange, type UserRecord } from '@casework/database';

/**
 * In-memory stand-ins for the user and token repositories, for use-case tests that are about
 * the rule, not the SQL. The same method names and results as the real repositories; the `db`
 * arguments are ignored.
 */
export class InMemoryUsers {
  readonly rows = new Map<string, UserRecord>();

  add(user: Partial<UserRecord> & Pick<UserRecord, 'email' | 'role'>): UserRecord {
    const row: UserRecord = { id: randomUUID(), name: user.email, locale: 'en', timeZone: 'UTC', disabled: false, createdAt: new Date(), lastSeenAt: null, ...user };
    this.rows.set(row.id, row);
    return row;
  }

  async find(_db: unknown, id: string): Promise<UserRecord | null> {
    return this.rows.get(id) ?? null;
  }

  async lock(db: unknown, id: string): Promise<UserRecord | null> {
    return this.find(db, id);
  }

  async insert(_db: unknown, user: NewUser): Promise<UserRecord> {
    if ([...this.rows.values()].some((row) => row.email.toLowerCase() === user.email.toLowerCase())) throw new UserEmailTaken(user.email);
    return this.add(user);
  }

  async countOtherEnabledAdmins(_db: unknown, exceptId: string): Promise<number> {
    return [...this.rows.values()].filter((row) => row.role === 'admin' && !row.disabled && row.id !== exceptId).length;
  }

  async update(_db: unknown, id: string, change: UserChange): Promise<UserRecord | null> {
    const row = this.rows.get(id);
    if (!row) return null;
    const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const updated = { ...row, ...defined };
    this.rows.set(id, updated);
    return updated;
  }
}

export class InMemoryTokens {
  readonly rows = new Map<string, ApiTokenRecord>();

  add(userId: string): ApiTokenRecord {
    const row: ApiTokenRecord = { id: randomUUID(), userId, name: 'test', expiresAt: null, createdAt: new Date(), lastUsedAt: null, revokedAt: null };
    this.rows.set(row.id, row);
    return row;
  }

  async find(_db: unknown, id: string): Promise<ApiTokenRecord | null> {
    const row = this.rows.get(id);
    return row && !row.revokedAt ? row : null;
  }

  async revoke(_db: unknown, id: string): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.revokedAt) return false;
    row.revokedAt = new Date();
    return true;
  }
}

/** A DataSource whose transactions just run their work (the fakes hold no state to roll back). */
export function inlineDataSource(): DataSource {
  return { transaction: (work: (tx: unknown) => Promise<unknown>) => work({}), query: async () => [] } as unknown as DataSource;
}
