import type { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { AfterCommitAction, AfterCommitActionRepository, Db, PendingAction } from '@casework/database';
import { statusErrorOf } from './status-error.js';

/** After-commit actions applied per IMAP command. */
const ACTION_BATCH = 500;

/** What applying one mailbox's actions needs from its watcher. */
export interface AfterCommitContext {
  mailboxId: string;
  db: Db;
  actions: AfterCommitActionRepository;
  logger: Logger;
  /** True once the watcher is stopping: nothing more is applied. */
  stopping: () => boolean;
  /** A failed action, for the watcher's status (`lastError`). */
  onFailure: (lastError: string) => void;
}

/**
 * Applies the queued after-commit actions of this UIDVALIDITY, a batch per IMAP command. A
 * failure leaves the rest queued for the next catch-up; \Seen twice and MOVE of a UID that is
 * already gone are both harmless, so a retry after an unrecorded success is too.
 */
export async function applyPendingActions(client: ImapFlow, uidValidity: bigint, context: AfterCommitContext): Promise<void> {
  const { mailboxId, db, actions } = context;
  for (;;) {
    if (context.stopping()) return;
    const due = await actions.pending(db, mailboxId, uidValidity, ACTION_BATCH);
    if (due.length === 0) return;
    for (const [action, uids] of groupByAction(due)) {
      let failure: string | null = null;
      try {
        if (!(await apply(client, action, uids))) failure = `${action} refused by the IMAP server`;
      } catch (error) {
        failure = statusErrorOf(error);
      }
      if (failure) {
        await actions.fail(db, mailboxId, uidValidity, uids, failure);
        context.logger.warn({ mailboxId, action, messages: uids.length, error: failure }, 'after-commit action failed: retried at the next catch-up');
        context.onFailure(`after-commit ${action}: ${failure}`);
        return;
      }
      await actions.complete(db, mailboxId, uidValidity, uids);
    }
    if (due.length < ACTION_BATCH) return;
  }
}

async function apply(client: ImapFlow, action: AfterCommitAction, uids: bigint[]): Promise<boolean> {
  const range = uids.map(String).join(',');
  if (action === 'none') return true;
  if (action === 'seen') return client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
  const destination = action.slice('move:'.length);
  if (await client.messageMove(range, destination, { uid: true })) return true;
  // Most likely the folder does not exist yet ([TRYCREATE]): create it and try once more.
  await client.mailboxCreate(destination).catch(() => undefined);
  return !!(await client.messageMove(range, destination, { uid: true }));
}

function groupByAction(due: PendingAction[]): Map<AfterCommitAction, bigint[]> {
  const groups = new Map<AfterCommitAction, bigint[]>();
  for (const { action, uid } of due) groups.set(action, [...(groups.get(action) ?? []), uid]);
  return groups;
}
