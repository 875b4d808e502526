import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { t, type MessageKey } from '../../i18n/index';
import { mailboxStatusKey, type MailboxState, type MailboxStatus } from '../people-types';

const STATE_LABELS: Record<MailboxState, MessageKey> = {
  idle: 'admin.mailboxes.state.idle',
  'catching-up': 'admin.mailboxes.state.catchingUp',
  connecting: 'admin.mailboxes.state.connecting',
  error: 'admin.mailboxes.state.error',
  unheld: 'admin.mailboxes.state.unheld',
  disabled: 'admin.mailboxes.state.disabled',
};

export function stateLabel(state: MailboxState): string {
  return STATE_LABELS[state] ? t(STATE_LABELS[state]) : state;
}

/** The holder's report, asked again every few seconds (ingest picks a new mailbox up within a scan). */
export function useMailboxStatus(id: string) {
  return useQuery({ queryKey: mailboxStatusKey(id), queryFn: () => api<MailboxStatus>(`/mailboxes/${id}/status`), refetchInterval: 5_000 });
}

/** A mailbox's connection state as a word, for the list. */
export function MailboxStateText({ id }: { id: string }) {
  const status = useMailboxStatus(id);
  if (!status.data) return <span className="hint">{status.error ? t('admin.mailboxes.state.unknown') : t('loading')}</span>;
  return <span className={`mailbox-state state-${status.data.state}`}>{stateLabel(status.data.state)}</span>;
}
