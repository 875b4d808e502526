import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, TemplateRepository, type TemplateRecord } from '@casework/database';
import { SYSTEM_TEMPLATE_KEYS } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import type { CreateTemplateDto, TemplateTextDto } from './dto/template.dto.js';
import { requireValidTemplate } from './template-input.js';
import { TemplateErrors } from './template.errors.js';

/**
 * Writes to the library (admins and leads): a new template, a new version of one (every save is
 * a version; the mail sent names the version it used), a deletion. Every text is checked against
 * the catalog first, so what saves always renders.
 */
@Injectable()
export class SaveTemplateUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async create(input: CreateTemplateDto, userId: string): Promise<TemplateRecord> {
    const kind = input.kind ?? 'message';
    const sources = { subject: input.subject ?? '', text: input.text, html: input.html ?? null };
    requireValidTemplate(kind, input.key, sources);
    const queueId = input.queueId ?? null;
    return this.db.transaction(async (tx) => {
      if (queueId && !(await this.queues.find(tx, queueId))) throw TemplateErrors.invalid({ queueId: ['no such queue'] });
      const created = await this.templates.create(tx, { key: input.key, locale: input.locale, queueId, kind, ...sources, createdBy: userId });
      if (!created) throw TemplateErrors.taken(input.key, input.locale, queueId);
      return created;
    });
  }

  /** A new version with these texts; returns the template before and after. */
  async replace(id: string, input: TemplateTextDto, userId: string): Promise<{ before: TemplateRecord; after: TemplateRecord }> {
    if (!isUuid(id)) throw TemplateErrors.notFound(id);
    return this.db.transaction(async (tx) => {
      const before = await this.templates.find(tx, id);
      if (!before) throw TemplateErrors.notFound(id);
      const sources = { subject: input.subject ?? '', text: input.text, html: input.html ?? null };
      requireValidTemplate(before.kind, before.key, sources);
      const after = await this.templates.saveVersion(tx, id, { ...sources, createdBy: userId });
      if (!after) throw TemplateErrors.notFound(id);
      return { before, after };
    });
  }

  /** Hides the template (its versions stay, for the mail that names them). The global system templates stay. */
  async delete(id: string): Promise<TemplateRecord> {
    if (!isUuid(id)) throw TemplateErrors.notFound(id);
    return this.db.transaction(async (tx) => {
      const template = await this.templates.find(tx, id);
      if (!template) throw TemplateErrors.notFound(id);
      const system = template.queueId === null && (template.kind === 'partial' || (SYSTEM_TEMPLATE_KEYS as readonly string[]).includes(template.key));
      if (system) throw TemplateErrors.systemTemplate(template.key);
      await this.templates.delete(tx, id);
      return template;
    });
  }
}
