import type { Attachment } from './api/types';
import { t } from './i18n/index';

const KIB = 1024;

function formatSize(bytes: number): string {
  if (bytes < KIB) return `${bytes} B`;
  if (bytes < KIB * KIB) return `${(bytes / KIB).toFixed(1)} KB`;
  return `${(bytes / KIB / KIB).toFixed(1)} MB`;
}

/**
 * An article's attachments as a list — name, size, type, SHA-256 — each downloaded only on an
 * explicit click (the API answers it as an audited `attachment` download). Nothing is ever
 * previewed or rendered here: no image, no thumbnail, whatever the queue. A blocked attachment
 * (on a hash list) has no download at all.
 */
export function AttachmentList({ ticketId, attachments }: { ticketId: string; attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('ticket.attachments')}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <span className="name" dir="auto">{attachment.filename}</span> <span>{formatSize(attachment.size)}</span> <span>{attachment.contentType}</span>{' '}
          <code title={t('ticket.sha256')}>{attachment.sha256}</code>{' '}
          {attachment.blocked ? (
            <span className="badge">{t('ticket.attachmentBlocked')}</span>
          ) : attachment.stored ? (
            <a href={`/api/v1/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(attachment.id)}`} download={attachment.filename} aria-label={t('ticket.download', { name: attachment.filename })}>
              {t('ticket.downloadAction')}
            </a>
          ) : (
            <span className="badge quiet">{t('ticket.attachmentNotStored')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
