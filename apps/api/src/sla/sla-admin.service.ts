import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, SlaPolicyRepository, SlaWriteError, type SlaCalendarRecord, type SlaPolicyInput, type SlaPolicyRecord } from '@casework/database';
import { TICKET_PRIORITIES, validateCalendar, validateSlaTargets, type ValidationError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import type { SlaCalendarInputDto, SlaPolicyInputDto } from './dto/sla-admin.dto.js';
import { SlaErrors } from './sla.errors.js';

/** Calendars and policies: validated by the domain's validators, stored by SlaPolicyRepository. */
@Injectable()
export class SlaAdminService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(SlaPolicyRepository) private readonly repository: SlaPolicyRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  listCalendars(): Promise<SlaCalendarRecord[]> {
    return this.repository.listCalendars(this.db);
  }

  async getCalendar(id: string): Promise<SlaCalendarRecord> {
    const calendar = isUuid(id) ? await this.repository.findCalendar(this.db, id) : null;
    if (!calendar) throw SlaErrors.calendarNotFound(id);
    return calendar;
  }

  createCalendar(body: SlaCalendarInputDto): Promise<SlaCalendarRecord> {
    return this.write(() => this.repository.createCalendar(this.db, { name: body.name, definition: checkedCalendar(body.definition) }));
  }

  async updateCalendar(id: string, body: SlaCalendarInputDto): Promise<SlaCalendarRecord> {
    const definition = checkedCalendar(body.definition);
    const updated = isUuid(id) ? await this.write(() => this.repository.updateCalendar(this.db, id, { name: body.name, definition })) : null;
    if (!updated) throw SlaErrors.calendarNotFound(id);
    return updated;
  }

  async deleteCalendar(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.write(() => this.repository.deleteCalendar(this.db, id)))) throw SlaErrors.calendarNotFound(id);
  }

  listPolicies(): Promise<SlaPolicyRecord[]> {
    return this.repository.listPolicies(this.db);
  }

  async getPolicy(id: string): Promise<SlaPolicyRecord> {
    const policy = isUuid(id) ? await this.repository.findPolicy(this.db, id) : null;
    if (!policy) throw SlaErrors.policyNotFound(id);
    return policy;
  }

  async createPolicy(body: SlaPolicyInputDto): Promise<SlaPolicyRecord> {
    const input = await this.checkedPolicy(body);
    return this.write(() => this.repository.createPolicy(this.db, input));
  }

  async updatePolicy(id: string, body: SlaPolicyInputDto): Promise<SlaPolicyRecord> {
    if (!isUuid(id)) throw SlaErrors.policyNotFound(id);
    const input = await this.checkedPolicy(body);
    const updated = await this.write(() => this.repository.updatePolicy(this.db, id, input));
    if (!updated) throw SlaErrors.policyNotFound(id);
    return updated;
  }

  async deletePolicy(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.write(() => this.repository.deletePolicy(this.db, id)))) throw SlaErrors.policyNotFound(id);
  }

  private async checkedPolicy(body: SlaPolicyInputDto): Promise<SlaPolicyInput> {
    const errors: ValidationError[] = [];
    const targets = validateSlaTargets({
      firstResponseMinutes: body.firstResponseMinutes,
      nextResponseMinutes: body.nextResponseMinutes,
      resolutionMinutes: body.resolutionMinutes,
      warnAtPercent: body.warnAtPercent,
    });
    if (!targets.ok) errors.push(...targets.errors);
    const queueId = body.queueId ?? null;
    if (queueId !== null && (typeof queueId !== 'string' || !isUuid(queueId) || !(await this.queues.find(this.db, queueId)))) {
      errors.push({ path: 'queueId', message: 'must be the id of an existing queue, or null' });
    }
    const priority = body.priority ?? null;
    if (priority !== null && !(TICKET_PRIORITIES as readonly unknown[]).includes(priority)) {
      errors.push({ path: 'priority', message: `must be one of ${TICKET_PRIORITIES.join(', ')}, or null` });
    }
    const calendarId = body.calendarId ?? null;
    if (calendarId !== null && (typeof calendarId !== 'string' || !isUuid(calendarId) || !(await this.repository.findCalendar(this.db, calendarId)))) {
      errors.push({ path: 'calendarId', message: 'must be the id of an existing calendar, or null (24/7)' });
    }
    if (!targets.ok || errors.length > 0) throw SlaErrors.invalid(errors);
    return { name: body.name, queueId: queueId as string | null, priority: priority as string | null, calendarId: calendarId as string | null, ...targets.targets };
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SlaWriteError)) throw error;
      if (error.conflict === 'duplicate') {
        throw SlaErrors.conflict(error.constraint?.includes('name') ? 'a calendar with this name exists' : 'a policy for this queue and priority exists');
      }
      if (error.conflict === 'in-use') throw SlaErrors.conflict(error.constraint?.startsWith('sla_clock') ? 'the policy has SLA clocks: change it instead' : 'the calendar is used by a policy');
      throw SlaErrors.invalid([{ path: error.constraint?.includes('calendar') ? 'calendarId' : 'queueId', message: 'refers to nothing' }]);
    }
  }
}

function checkedCalendar(definition: unknown) {
  const result = validateCalendar(definition);
  if (!result.ok) throw SlaErrors.invalid(result.errors, 'definition');
  return result.calendar;
}
