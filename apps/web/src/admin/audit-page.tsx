import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { t } from '../i18n/index';
import { useSession } from '../session';
import './admin-config.css';
import { AuditFilters, auditQuery, NO_AUDIT_FILTER, type AuditFilter } from './audit/audit-filters';
import { AuditRow } from './audit/audit-row';
import { VerifyChain } from './audit/verify-chain';
import type { AuditPage as AuditEventPage } from './config-types';
import { useQueues } from './templates/template-queries';

/** /admin/audit: the trail newest first (the caller's share of it), filtered, a page at a time, and the chain's verification. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);
  const [brokenId, setBrokenId] = useState<string | null>(null);
  const queues = useQueues();
  // Without audit:read-all (a lead) the API answers only the events of the queues one reads in full.
  const scoped = !(useSession().me?.capabilities ?? []).includes('audit:read-all');
  const events = useInfiniteQuery({
    queryKey: ['admin', 'audit', filter],
    queryFn: ({ pageParam }) => api<AuditEventPage>(`/audit?${auditQuery(filter, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="admin-config">
      <h1>{t('adminConfig.audit.heading')}</h1>
      {scoped && <p className="hint">{t('adminConfig.audit.scoped')}</p>}
      <VerifyChain onVerdict={(verdict) => setBrokenId(verdict.firstBrokenId)} />
      {/* Keyed by the filter: a shortcut from a row (one actor's events) shows in the form too. */}
      <AuditFilters key={JSON.stringify(filter)} initial={filter} onApply={setFilter} />
      {events.isError && <p role="alert">{t('error.generic', { message: events.error.message })}</p>}
      {events.isSuccess && items.length === 0 ? (
        <p className="hint">{t('adminConfig.audit.none')}</p>
      ) : (
        <table className="config-table audit-table">
          <caption className="visually-hidden">{t('adminConfig.audit.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminConfig.audit.when')}</th>
              <th scope="col">{t('adminConfig.audit.actor')}</th>
              <th scope="col">{t('adminConfig.audit.action')}</th>
              <th scope="col">{t('adminConfig.audit.target')}</th>
              <th scope="col">{t('adminConfig.audit.queue')}</th>
              <th scope="col">{t('adminConfig.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <AuditRow key={event.id} event={event} broken={event.id === brokenId} queueName={event.queueId && queues.nameOf(event.queueId)} onActor={(actorId) => setFilter({ ...filter, actorId })} />
            ))}
          </tbody>
        </table>
      )}
      {events.hasNextPage && (
        <button type="button" disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
          {t('adminConfig.audit.loadMore')}
        </button>
      )}
    </div>
  );
}
