import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { TICKET_LISTS, ticketKey } from '../api/query-keys';
import { TICKET_STATUSES, type TicketStatus } from '../api/types';
import { t, type MessageKey } from '../i18n/index';
import { ReplyForm } from './reply-form';
import './composer.css';

export interface ComposerProps {
  ticketId: string;
  status: TicketStatus;
  /** The newest article shown: a reply is refused (409 TicketChanged) if another arrived since. */
  lastArticleId: string | undefined;
  /** The ticket's language (detected by routing): templates are chosen and previewed in it. */
  language?: string | null;
  /** The ticket's queue: its own templates override the global ones. */
  queueSlug?: string;
}

/** Reply, internal note and status of one ticket; a fresh one per ticket, so nothing written for one shows on another. */
export function Composer(props: ComposerProps) {
  return <TicketComposer key={props.ticketId} {...props} />;
}

/** A collision keeps the draft and refreshes the thread. */
function TicketComposer({ ticketId, status, lastArticleId, language = null, queueSlug = '' }: ComposerProps) {
  const client = useQueryClient();
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

  const submitNote = (event: FormEvent) => {
    event.preventDefault();
    addNote.mutate();
  };

  return (
    <section className="composer" aria-label={t('composer.heading')}>
      {notice && (
        <p role={notice.alert ? 'alert' : 'status'} className={notice.alert ? 'warning' : 'ok'}>
          {t(notice.key)}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <ReplyForm
        ticketId={ticketId}
        language={language}
        queueSlug={queueSlug}
        lastArticleId={lastArticleId}
        onStart={start}
        onSent={async () => {
          setNotice({ key: 'composer.sent', alert: false });
          await refresh();
        }}
        onError={onError}
      />
      <form onSubmit={submitNote}>
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
