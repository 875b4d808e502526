import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, TemplateRepository, type TemplateRecord, type TemplateVersionRecord } from '@casework/database';
import type { TemplateKind } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import { TemplateErrors } from './template.errors.js';

/** The library as everyone signed in reads it: the list, one template, its versions. */
@Injectable()
export class ReadTemplatesUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TemplateRepository) private readonly templates: TemplateRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  /** `queue` (slug or id) narrows to that queue's overrides; an unknown queue matches nothing. */
  async list(filter: { kind?: TemplateKind; key?: string; locale?: string; queue?: string }): Promise<TemplateRecord[]> {
    let queueId: string | undefined;
    if (filter.queue !== undefined) {
      const queue = await this.queues.findBySlugOrId(this.db, filter.queue);
      if (!queue) return [];
      queueId = queue.id;
    }
    return this.templates.list(this.db, { kind: filter.kind, key: filter.key, locale: filter.locale, queueId });
  }

  async get(id: string): Promise<TemplateRecord> {
    const template = isUuid(id) ? await this.templates.find(this.db, id) : null;
    if (!template) throw TemplateErrors.notFound(id);
    return template;
  }

  async versions(id: string): Promise<TemplateVersionRecord[]> {
    await this.get(id);
    return this.templates.versions(this.db, id);
  }
}
