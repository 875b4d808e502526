import { useMutation } from '@tanstack/react-query';
import { api } from './api/client';
import type { Article } from './api/types';
import { AttachmentList } from './attachment-list';
import { DeliveryState } from './composer/delivery-state';
import { EmailFrame } from './email-frame';
import { formatTime } from './i18n/format';
import { t } from './i18n/index';

export const sender = (article: Article) => article.author?.name ?? article.from?.name ?? article.from?.email ?? '';

interface ArticleViewProps {
  article: Article;
  ticketId: string;
  /** A restricted queue's ticket: no image, asked or not. */
  noMedia: boolean;
}

/**
 * One message of the thread. A stranger's follow-up is marked as such (never the requester's);
 * remote images load only when the reader asks for this message, and never in a restricted queue.
 */
export function ArticleView({ article, ticketId, noMedia }: ArticleViewProps) {
  const kind = article.direction === 'note' ? t('ticket.note') : article.direction === 'outbound' ? t('ticket.outbound') : null;
  const flagged = article.flagged === 'unknown_sender';
  const shown = useMutation({ mutationFn: () => api<{ html: string }>(`/tickets/${ticketId}/articles/${article.id}/html`) });
  const offerImages = !noMedia && article.html !== null && (article.remoteImages ?? 0) > 0 && !shown.data;
  return (
    <article className={`message ${article.direction}${flagged ? ' flagged' : ''}`} aria-label={`${sender(article)}, ${formatTime(article.createdAt)}`}>
      <header>
        <span dir="auto" className="from">
          {t('ticket.from', { from: sender(article) })}
        </span>
        {kind && <span className="badge">{kind}</span>}
        {flagged && <span className="badge warning">{t('ticket.flagged')}</span>}
        {article.delivery && <DeliveryState delivery={article.delivery} />}
        <time dateTime={article.createdAt}>{formatTime(article.createdAt)}</time>
      </header>
      {flagged && <p className="flag-note">{t('ticket.flaggedNote')}</p>}
      {article.html ? (
        <EmailFrame html={shown.data?.html ?? article.html} from={sender(article)} noMedia={noMedia} remoteImages={shown.data !== undefined} />
      ) : (
        <div className="text-body" dir="auto">
          {article.text || t('ticket.noBody')}
        </div>
      )}
      {offerImages && (
        <p className="images-withheld">
          {t('ticket.imagesWithheld', { count: article.remoteImages })}{' '}
          <button type="button" disabled={shown.isPending} onClick={() => shown.mutate()}>
            {t('ticket.showImages')}
          </button>
        </p>
      )}
      {shown.isError && <p role="alert">{t('error.generic', { message: shown.error.message })}</p>}
      <AttachmentList ticketId={ticketId} attachments={article.attachments ?? []} />
    </article>
  );
}
