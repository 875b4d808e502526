import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OncallRepository, QueueRepository, type OncallShiftRecord, type PageRecord } from '@casework/database';
import { isUuid } from '../common/uuid.util.js';
import type { CreateOncallShiftDto } from './dto/oncall.dto.js';
import { OncallErrors } from './oncall.errors.js';

/** On-call shifts and page acknowledgements. */
@Injectable()
export class OncallService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OncallRepository) private readonly oncall: OncallRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async createShift(input: CreateOncallShiftDto): Promise<OncallShiftRecord> {
    const startsAt = new Date(input.from);
    const endsAt = new Date(input.to);
    const fields: Record<string, string[]> = {};
    if (!(endsAt.getTime() > startsAt.getTime())) fields.to = ['must be after from'];
    const queues = [...new Set(input.queues ?? [])];
    if (queues.length > 0) {
      const known = new Set((await this.queues.list(this.dataSource)).map((q) => q.slug));
      const unknown = queues.filter((slug) => !known.has(slug));
      if (unknown.length > 0) fields.queues = [`unknown queue slugs: ${unknown.map((s) => JSON.stringify(s.slice(0, 64))).join(', ')}`];
    }
    if (Object.keys(fields).length > 0) throw OncallErrors.invalid(fields);
    return this.oncall.createShift(this.dataSource, { name: input.name, email: input.email, startsAt, endsAt, queues });
  }

  listShifts(includePast: boolean): Promise<OncallShiftRecord[]> {
    return this.oncall.listShifts(this.dataSource, { includePast });
  }

  async deleteShift(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.oncall.deleteShift(this.dataSource, id))) throw OncallErrors.shiftNotFound(id);
  }

  now(queueSlug: string | undefined): Promise<OncallShiftRecord[]> {
    return this.oncall.onCall(this.dataSource, queueSlug ?? null);
  }

  async ack(id: string): Promise<PageRecord> {
    if (!isUuid(id)) throw OncallErrors.pageNotFound(id);
    const page = await this.dataSource.transaction((tx) => this.oncall.ack(tx, id));
    if (!page) throw OncallErrors.pageNotFound(id);
    return page;
  }
}
