import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from './api/client';
import { ticketKey } from './api/query-keys';
import type { Article, TicketDetail, TicketPriority } from './api/types';
import { ArticleView } from './article-view';
import { SlaBadge, TriageBadge } from './badges';
import { Composer } from './composer';
import { Viewers } from './presence';
import { TicketControls } from './ticket-controls';
import { RequesterPanel, TicketHistory } from './ticket-sidebar';
import { TriageEvidence } from './triage-evidence';
import { t } from './i18n/index';

const byTime = (a: Article, b: Article) => a.createdAt.localeCompare(b.createdAt);
/** One ticket: its subject as the page's heading, the thread oldest first, then the composer. */
export function TicketView() {
  const { id = '' } = useParams();
  const ticket = useQuery({ queryKey: ticketKey(id), queryFn: () => api<TicketDetail>(`/tickets/${encodeURIComponent(id)}`) });
  if (ticket.isPending) return <p>{t('loading')}</p>;
  if (ticket.isError) return <p role="alert">{t('error.generic', { message: ticket.error.message })}</p>;
  const detail = ticket.data;
  const articles = [...detail.articles].sort(byTime);
  return (
    <div className="ticket" lang={detail.language ?? undefined}>
      <h1 dir="auto">{detail.subject}</h1>
      <p className="meta">
        <span>#{detail.number}</span> <span>{detail.queue.name}</span> <span>{t(`priority.${detail.priority as TicketPriority}`)}</span> <TriageBadge triage={detail.triage} /> <SlaBadge clocks={detail.sla} />
      </p>
      <TriageEvidence triage={detail.triage} />
      <Viewers viewers={detail.viewers ?? []} />
      <section aria-label={t('ticket.thread')} className="thread">
        {articles.map((article) => (
          <ArticleView key={article.id} article={article} ticketId={detail.id} noMedia={detail.mediaWithheld} />
        ))}
      </section>
      <Composer ticketId={detail.id} status={detail.status} lastArticleId={articles.at(-1)?.id} language={detail.language} queueSlug={detail.queue.slug} />
      <TicketControls ticket={detail} />
      <RequesterPanel ticket={detail} />
      <TicketHistory ticketId={detail.id} />
    </div>
  );
}
