import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from './api/client';
import { TICKET_LISTS, ticketKey } from './api/query-keys';
import { TICKET_PRIORITIES, type TicketDetail, type TicketPriority } from './api/types';
import { t } from './i18n/index';
import { useSession } from './session';

const UNASSIGNED = '';

/** Priority, assignee (nobody, the caller, or who holds it now) and tags of one ticket, each a change of its own. */
export function TicketControls({ ticket }: { ticket: TicketDetail }) {
  const client = useQueryClient();
  const { me } = useSession();
  const [tags, setTags] = useState(ticket.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setTags(ticket.tags.join(', ')), [ticket.tags]);
  const changed = async () => {
    setError(null);
    await client.invalidateQueries({ queryKey: ticketKey(ticket.id) });
    await client.invalidateQueries({ queryKey: TICKET_LISTS });
  };
  const onError = (cause: Error) => setError(t('error.generic', { message: cause.message }));
  const patch = useMutation({ mutationFn: (body: object) => api(`/tickets/${ticket.id}`, 'PATCH', body), onSuccess: changed, onError });
  const saveTags = useMutation({
    mutationFn: () => api(`/tickets/${ticket.id}/tags`, 'PUT', { tags: tags.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean) }),
    onSuccess: changed,
    onError,
  });
  const submitTags = (event: FormEvent) => {
    event.preventDefault();
    saveTags.mutate();
  };
  const assignee = ticket.assignee?.id ?? UNASSIGNED;
  const holder = ticket.assignee && ticket.assignee.id !== me?.id ? ticket.assignee : null;

  return (
    <section className="controls" aria-label={t('controls.heading')}>
      {error && <p role="alert">{error}</p>}
      <label htmlFor="priority">{t('controls.priority')}</label>
      <select id="priority" value={ticket.priority} disabled={patch.isPending} onChange={(event) => patch.mutate({ priority: event.target.value as TicketPriority })}>
        {TICKET_PRIORITIES.map((value) => (
          <option key={value} value={value}>
            {t(`priority.${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor="assignee">{t('controls.assignee')}</label>
      <select id="assignee" value={assignee} disabled={patch.isPending} onChange={(event) => patch.mutate({ assigneeId: event.target.value === UNASSIGNED ? null : event.target.value })}>
        <option value={UNASSIGNED}>{t('list.unassigned')}</option>
        {me && <option value={me.id}>{t('controls.me', { name: me.name })}</option>}
        {holder && <option value={holder.id}>{holder.name}</option>}
      </select>
      <form onSubmit={submitTags}>
        <label htmlFor="tags">{t('controls.tags')}</label>
        <input id="tags" value={tags} onChange={(event) => setTags(event.target.value)} aria-describedby="tags-hint" />
        <span id="tags-hint" className="hint">
          {t('controls.tagsHint')}
        </span>
        <button type="submit" disabled={saveTags.isPending}>
          {t('controls.saveTags')}
        </button>
      </form>
    </section>
  );
}
