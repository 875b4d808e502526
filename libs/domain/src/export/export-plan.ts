import { attachmentEntryName, messageEntryName, outboundEntryName } from './entry-names.js';

/** What the plan needs of one article, oldest first. */
export interface ExportArticleFacts {
  id: string;
  direction: 'inbound' | 'outbound' | 'note';
  /** The raw mail it came from, and that mail's stored SHA-256. */
  rawMessageId: string | null;
  rawSha256: string | null;
  outboundId: string | null;
  /** Whether the outbound row kept the bytes it sent (rows sent before that was kept, or not sent, did not). */
  hasSentRaw: boolean;
}

export interface ExportAttachmentFacts {
  id: string;
  articleId: string;
  position: number;
  filename: string;
  /** Whether the bytes were stored (an attachment over the size limit was not). */
  stored: boolean;
}

export type ExportSource = { kind: 'raw'; rawMessageId: string } | { kind: 'sent'; outboundId: string } | { kind: 'attachment'; attachmentId: string };

export interface PlannedEntry {
  path: string;
  source: ExportSource;
}

/** Where each article's material went in the export (ticket.json lists it per article). */
export interface ArticleFiles {
  message?: string;
  outbound?: string;
  attachments: string[];
}

/**
 * The numbered entries of an export, in the order they are written: inbound mail, then sent
 * mail, then attachments, each oldest article first. An attachment is named by its article's
 * ordinal among all articles and its position in that mail, so no two can share a name.
 */
export function planExportEntries(articles: readonly ExportArticleFacts[], attachments: readonly ExportAttachmentFacts[]): { entries: PlannedEntry[]; files: Map<string, ArticleFiles> } {
  const files = new Map<string, ArticleFiles>(articles.map((article) => [article.id, { attachments: [] }]));
  const messages: PlannedEntry[] = [];
  const sent: PlannedEntry[] = [];
  for (const article of articles) {
    const into = files.get(article.id)!;
    if (article.rawMessageId && article.rawSha256) {
      const path = messageEntryName(messages.length + 1, article.rawSha256);
      messages.push({ path, source: { kind: 'raw', rawMessageId: article.rawMessageId } });
      into.message = path;
    }
    if (article.outboundId && article.hasSentRaw) {
      const path = outboundEntryName(sent.length + 1);
      sent.push({ path, source: { kind: 'sent', outboundId: article.outboundId } });
      into.outbound = path;
    }
  }
  const ordinal = new Map(articles.map((article, i) => [article.id, i + 1]));
  const stored: PlannedEntry[] = [];
  for (const attachment of attachments) {
    const n = ordinal.get(attachment.articleId);
    if (n === undefined || !attachment.stored) continue;
    const path = attachmentEntryName(n, attachment.position, attachment.filename);
    stored.push({ path, source: { kind: 'attachment', attachmentId: attachment.id } });
    files.get(attachment.articleId)!.attachments.push(path);
  }
  return { entries: [...messages, ...sent, ...stored], files };
}
