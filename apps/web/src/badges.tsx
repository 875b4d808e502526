import type { SlaClock, Triage } from './api/types';
import { formatDuration } from './i18n/format';
import { t } from './i18n/index';

/** The clock that matters most: a breached one, else the running one due soonest. */
function urgentClock(clocks: SlaClock[]): SlaClock | undefined {
  const breached = clocks.find((clock) => clock.state === 'breached');
  if (breached) return breached;
  return clocks.filter((clock) => clock.state === 'running' && clock.remainingMs !== null).sort((a, b) => a.remainingMs! - b.remainingMs!)[0];
}

export function SlaBadge({ clocks }: { clocks: SlaClock[] }) {
  const clock = urgentClock(clocks);
  if (!clock) return <span className="badge quiet">{t('sla.none')}</span>;
  if (clock.state === 'breached') return <span className="badge breached">{t('sla.breached')}</span>;
  return <span className="badge">{t('sla.left', { time: formatDuration(clock.remainingMs ?? 0) })}</span>;
}

export function TriageBadge({ triage }: { triage: Triage }) {
  if (!triage || triage.level === 0) return null;
  const names = triage.categories.map((hit) => hit.category.replace(/_/g, ' ')).join(', ');
  return (
    <span className={`badge triage-${triage.level}`} title={names}>
      {t('triage.level', { level: triage.level })}
      {names && `: ${names}`}
    </span>
  );
}
