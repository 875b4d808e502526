import { Link } from 'react-router';
import { formatTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import type { AuditEvent } from '../config-types';

/** One event: when, who (with a shortcut to their events only), what, on what, in which queue, and its recorded details. */
export function AuditRow({ event, broken, queueName, onActor }: { event: AuditEvent; broken: boolean; queueName: string | null; onActor: (actorId: string) => void }) {
  const { actor } = event;
  return (
    <tr className={broken ? 'broken' : undefined} aria-current={broken ? 'true' : undefined}>
      <td>
        <time dateTime={event.at}>{formatTime(event.at)}</time>
      </td>
      <td>
        {actor.email ?? t('adminConfig.audit.system')}
        {actor.id && (
          <button type="button" className="quiet-button" onClick={() => onActor(actor.id!)} aria-label={t('adminConfig.audit.onlyActorNamed', { email: actor.email ?? actor.id })}>
            {t('adminConfig.audit.onlyActor')}
          </button>
        )}
      </td>
      <td>
        <code>{event.action}</code>
      </td>
      <td>{event.ticketId ? <Link to={`/tickets/${event.ticketId}`}>{event.subject}</Link> : <code className="subject">{event.subject}</code>}</td>
      <td>{queueName ?? '—'}</td>
      <td>
        {Object.keys(event.details).length > 0 && (
          <details>
            <summary>{t('adminConfig.audit.details')}</summary>
            <pre className="audit-details">{JSON.stringify(event.details, null, 2)}</pre>
          </details>
        )}
      </td>
    </tr>
  );
}
