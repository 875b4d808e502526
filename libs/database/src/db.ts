import type { DataSource, EntityManager } from 'typeorm';

/** Anything that can run SQL: the pool (a DataSource) or one transaction (its EntityManager). */
export type Db = Pick<EntityManager, 'query'>;

/** Runs `work` in one transaction; everything it writes commits or rolls back together. */
export function inTransaction<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
