import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from './api/client';
import { TICKET_LISTS } from './api/query-keys';
import { formatTime } from './i18n/format';
import { t } from './i18n/index';
import { useSession } from './session';

interface ClockItem {
  clockId: string;
  ticketId: string;
  ticketNumber: string;
  kind: string;
  dueAt: string;
  breachedAt?: string;
}

interface Shift {
  id: string;
  name: string;
  email: string;
  to: string;
  queues: string[];
}

/** Roles holding `oncall:manage` (libs/domain ROLE_CAPABILITIES): the rota is theirs to see. */
const ROTA_ROLES = ['admin', 'lead', 'ops'];

function Clocks({ label, items, empty, breached }: { label: string; items: ClockItem[] | undefined; empty: string; breached: boolean }) {
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      {!items?.length ? (
        <p className="hint">{empty}</p>
      ) : (
        <table className="clocks">
          <tbody>
            {items.map((clock) => (
              <tr key={clock.clockId}>
                <td>
                  <Link to={`/tickets/${clock.ticketId}`}>#{clock.ticketNumber}</Link>
                </td>
                <td>{clock.kind.replace(/_/g, ' ')}</td>
                <td>
                  {breached ? t('ops.breachedAt') : t('ops.dueAt')} <time dateTime={breached ? clock.breachedAt : clock.dueAt}>{formatTime((breached ? clock.breachedAt : clock.dueAt) ?? clock.dueAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What ops watch in the browser: breached clocks, clocks due within the hour, and who is on call. */
export function OpsPage() {
  const { me } = useSession();
  const seesRota = ROTA_ROLES.includes(me?.role ?? '');
  // Under the list key: the event stream's refreshes reach these too.
  const breaches = useQuery({ queryKey: [...TICKET_LISTS, 'ops', 'breaches'], queryFn: () => api<{ items: ClockItem[] }>('/sla/breaches') });
  const atRisk = useQuery({ queryKey: [...TICKET_LISTS, 'ops', 'at-risk'], queryFn: () => api<{ items: ClockItem[] }>('/sla/at-risk?within=60m') });
  const onCall = useQuery({ queryKey: ['oncall', 'now'], queryFn: () => api<{ items: Shift[] }>('/oncall/now'), enabled: seesRota });
  return (
    <div className="ops">
      <h1>{t('ops.heading')}</h1>
      <Clocks label={t('ops.breaches')} items={breaches.data?.items} empty={t('ops.noBreaches')} breached />
      <Clocks label={t('ops.atRisk')} items={atRisk.data?.items} empty={t('ops.noneAtRisk')} breached={false} />
      <section aria-label={t('ops.onCall')}>
        <h2>{t('ops.onCall')}</h2>
        {!seesRota ? (
          <p className="hint">{t('ops.rotaHidden')}</p>
        ) : !onCall.data?.items.length ? (
          <p className="hint">{t('ops.nobodyOnCall')}</p>
        ) : (
          <ul>
            {onCall.data.items.map((shift) => (
              <li key={shift.id}>
                {shift.name} &lt;{shift.email}&gt; {t('ops.until', { time: formatTime(shift.to) })}
                {shift.queues.length > 0 && ` (${shift.queues.join(', ')})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
