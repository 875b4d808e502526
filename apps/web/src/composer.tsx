import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from './api/client';
import { TICKET_LISTS, ticketKey } from './api/query-keys';
import { TICKET_STATUSES, type TicketStatus } from './api/types';
import { t, type MessageKey } from './i18n/index';
import { usePresence } from './presence';

interface ComposerProps {
  ticketId: string;
  status: TicketStatus;
  /** The newest article shown: a reply is refused (409 TicketChanged) if another arrived since. */
  lastArticleId: string | undefined;
}

/** Reply, internal note and status of one ticket. A collision keeps the draft and refreshes the thread. */
export function Composer({ ticketId, status, lastArticleId }: ComposerProps) {
  const client = useQueryClient();
  const [reply, setReply] = useState('');
  usePresence(ticketId, reply.trim() !== '');
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<{ key: MessageKey; alert: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ticketKey(ticketId) });
  const onError = (cause: Error) => {
    if (cause instanceof ApiError && cause.code === 'TicketChanged') {
      setNotice({ key: 'composer.changed', alert: true });
      void refresh();
      return;
    }
    setError(t('error.generic', { message: cause.message }));
  };
  const start = () => {
    setNotice(null);
    setError(null);
  };

  const sendReply = useMutation({
    mutationFn: () => api(`/tickets/${ticketId}/replies`, 'POST', { body: reply, ...(lastArticleId ? { ifLastArticleId: lastArticleId } : {}) }),
    onMutate: start,
    onSuccess: async () => {
      setReply('');
      setNotice({ key: 'composer.sent', alert: false });
      await refresh();
    },
    onError,
  });
  const addNote = useMutation({
    mutationFn: () => api(`/tickets/${ticketId}/notes`, 'POST', { body: note }),
    onMutate: start,
    onSuccess: async () => {
      setNote('');
      setNotice({ key: 'composer.noted', alert: false });
      await refresh();
    },
    onError,
  });
  const changeStatus = useMutation({
    mutationFn: (next: TicketStatus) => api(`/tickets/${ticketId}`, 'PATCH', { status: next }),
    onMutate: start,
    onSuccess: async () => {
      await refresh();
      await client.invalidateQueries({ queryKey: TICKET_LISTS });
    },
    onError,
  });

  const submit = (action: () => void) => (event: FormEvent) => {
    event.preventDefault();
    action();
  };

  return (
    <section className="composer" aria-label={t('composer.heading')}>
      {notice && (
        <p role={notice.alert ? 'alert' : 'status'} className={notice.alert ? 'warning' : 'ok'}>
          {t(notice.key)}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <form onSubmit={submit(() => sendReply.mutate())}>
        <label htmlFor="reply">{t('composer.reply')}</label>
        <textarea id="reply" dir="auto" rows={6} value={reply} onChange={(event) => setReply(event.target.value)} />
        <button type="submit" disabled={sendReply.isPending || reply.trim() === ''}>
          {t('composer.send')}
        </button>
      </form>
      <form onSubmit={submit(() => addNote.mutate())}>
        <label htmlFor="note">{t('composer.note')}</label>
        <textarea id="note" dir="auto" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        <button type="submit" disabled={addNote.isPending || note.trim() === ''}>
          {t('composer.addNote')}
        </button>
      </form>
      <label htmlFor="status">{t('composer.status')}</label>
      <select id="status" value={status} disabled={changeStatus.isPending} onChange={(event) => changeStatus.mutate(event.target.value as TicketStatus)}>
        {TICKET_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`status.${value}`)}
          </option>
        ))}
      </select>
    </section>
  );
}
