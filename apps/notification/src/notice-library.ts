import type { Db, TemplateRepository } from '@casework/database';
import { chooseTemplate, type StoredTemplate, type TemplateContext } from '@casework/domain';
import { renderMessage } from '@casework/mail';

/** The notice texts of a fallback: what a database migrated but never seeded sends. */
export interface NoticeFallback {
  subject: string;
  body: string;
}

/**
 * The library's ops-notice templates (sla-warning, sla-breach, page), loaded once per sweep or
 * page, rendered in the language of the ticket's queue (its default locale, else English): the
 * readers are the queue's team, not the requester, so the ticket's own language does not count.
 */
export class NoticeLibrary {
  private constructor(private readonly templates: readonly StoredTemplate[]) {}

  static async load(repository: TemplateRepository, db: Db, keys: string[], queueIds: string[]): Promise<NoticeLibrary> {
    return new NoticeLibrary(queueIds.length === 0 ? [] : await repository.library(db, keys, queueIds));
  }

  render(key: string, queue: { id: string; defaultLocale: string | null }, context: (locale: string) => TemplateContext, fallback: NoticeFallback): { subject: string; text: string } {
    const chosen = chooseTemplate(this.templates, key, queue.id, { queueLocale: queue.defaultLocale });
    const locale = chosen?.locale ?? 'en';
    const sources = chosen?.template ?? { subject: fallback.subject, text: fallback.body, html: null };
    const mail = renderMessage(sources, {}, context(locale), { locale, timeZone: 'UTC' });
    // Notices are plain text as they always were: no trailing line break of the renderer's.
    return { subject: mail.subject, text: mail.text.replace(/\n$/, '') };
  }
}
