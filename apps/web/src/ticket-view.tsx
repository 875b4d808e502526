import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from './api/client';
import { ticketKey } from './api/query-keys';
import type { Article, TicketDetail } from './api/types';
import { SlaBadge, TriageBadge } from './badges';
import { formatTime } from './i18n/format';
import { AttachmentList } from './attachment-list';
import { Composer } from './composer';
import { DeliveryState } from './composer/delivery-state';
import { EmailFrame } from './email-frame';
import { Viewers } from './presence';
import { TicketControls } from './ticket-controls';
import { RequesterPanel, TicketHistory } from './ticket-sidebar';
import { t } from './i18n/index';

const byTime = (a: Article, b: Article) => a.createdAt.localeCompare(b.createdAt);
const sender = (article: Article) => article.author?.name ?? article.from?.name ?? article.from?.email ?? '';

function ArticleView({ article, ticketId, noMedia }: { article: Article; ticketId: string; noMedia: boolean }) {
  const kind = article.direction === 'note' ? t('ticket.note') : article.direction === 'outbound' ? t('ticket.outbound') : null;
  return (
    <article className={`message ${article.direction}`} aria-label={`${sender(article)}, ${formatTime(article.createdAt)}`}>
      <header>
        <span dir="auto" className="from">
          {t('ticket.from', { from: sender(article) })}
        </span>
        {kind && <span className="badge">{kind}</span>}
        {article.delivery && <DeliveryState delivery={article.delivery} />}
        <time dateTime={article.createdAt}>{formatTime(article.createdAt)}</time>
      </header>
      {article.html ? (
        <EmailFrame html={article.html} from={sender(article)} noMedia={noMedia} />
      ) : (
        <div className="text-body" dir="auto">
          {article.text || t('ticket.noBody')}
        </div>
      )}
      <AttachmentList ticketId={ticketId} attachments={article.attachments ?? []} />
    </article>
  );
}

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
        <span>#{detail.number}</span> <span>{detail.queue.name}</span> <span>{detail.priority}</span> <TriageBadge triage={detail.triage} /> <SlaBadge clocks={detail.sla} />
      </p>
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
