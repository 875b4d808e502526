import type { AfterCommitAction, Db, QueueRepository } from '@casework/database';

export const DEFAULT_IMAP_PORT = 993;
export const DEFAULT_FOLDER = 'INBOX';

/** Host names are case-insensitive: stored lower-case, so the uniqueness check sees through case. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase();
}

/** Cross-field rule: moving a message into the folder being watched would fetch it forever. */
export function checkAfterCommit(afterCommit: AfterCommitAction, folder: string, fields: Record<string, string[]>): void {
  const target = afterCommit.startsWith('move:') ? afterCommit.slice('move:'.length) : null;
  // INBOX is case-insensitive in IMAP (RFC 3501 5.1).
  if (target !== null && (target === folder || (target.toUpperCase() === 'INBOX' && folder.toUpperCase() === 'INBOX'))) {
    (fields.afterCommit ??= []).push('afterCommit must not move messages into the watched folder');
  }
}

/** The queue named by slug or id, else the default queue; the problem is added to `fields` when there is none. */
export async function resolveQueue(db: Db, queues: QueueRepository, ref: string | undefined, fields: Record<string, string[]>): Promise<{ id: string } | null> {
  const queue = ref === undefined ? await queues.findDefault(db) : await queues.findBySlugOrId(db, ref);
  if (!queue) (fields.queue ??= []).push(ref === undefined ? 'no default queue exists: name a queue' : `queue ${JSON.stringify(ref.slice(0, 64))} does not exist`);
  return queue;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/**
 * A database error on its way to the log without its query parameters (TypeORM attaches them;
 * here they hold the sealed password and the caller's input).
 */
export function withoutQueryParameters(error: unknown): unknown {
  if (error && typeof error === 'object' && 'parameters' in error) delete (error as { parameters?: unknown }).parameters;
  return error;
}
