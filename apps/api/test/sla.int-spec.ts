import type { ValidationErrorBody } from '../src/common/validation-exception.factory.js';
import type { BreachListDto } from '../src/sla/dto/breach.dto.js';
import type { AtRiskListDto, SlaCalendarDto, SlaPolicyDto, SlaPolicyListDto } from '../src/sla/dto/sla-admin.dto.js';
import type { TicketDto } from '../src/tickets/dto/ticket.dto.js';
import { ApiFixture, type RequestOptions } from './api-fixture.js';

const MIN = 60_000;
const BERLIN_OFFICE = {
  kind: 'business-hours',
  timeZone: 'Europe/Berlin',
  week: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] },
  holidays: ['2026-12-25'],
};

describe('api /sla (built process): policies, calendars, breaches, at-risk, remaining time', () => {
  const app = new ApiFixture();
  let queueId: string;

  const badFields = async (path: string, init: RequestOptions = {}) => {
    const { status, body } = await app.call<ValidationErrorBody>(path, init);
    expect([status, body.statusCode]).toEqual([400, 400]);
    return Object.keys(body.fields).sort();
  };

  beforeAll(async () => {
    await app.start();
    [{ id: queueId }] = await app.ds.query(`SELECT id FROM queue WHERE is_default`);
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('creates, reads, replaces and deletes calendars; 400 names the invalid paths', async () => {
    const created = await app.call<SlaCalendarDto>('/sla/calendars', { method: 'POST', json: { name: 'Berlin office', definition: BERLIN_OFFICE } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'Berlin office', definition: { kind: 'business-hours', timeZone: 'Europe/Berlin' } });
    expect((await app.call<SlaCalendarDto>(`/sla/calendars/${created.body.id}`)).body.name).toBe('Berlin office');

    expect(
      await badFields('/sla/calendars', {
        method: 'POST',
        json: { name: 'Broken', definition: { kind: 'business-hours', timeZone: 'Mars/Olympus', week: { mon: [{ start: '09:00', end: '25:00' }] }, holidays: ['2026-02-30'] } },
      }),
      // "definition.week": with its only opening invalid, the week never opens.
    ).toEqual(['definition.holidays[0]', 'definition.timeZone', 'definition.week', 'definition.week.mon[0].end']);
    expect(await badFields('/sla/calendars', { method: 'POST', json: { definition: { kind: '24x7' } } })).toEqual(['name']);

    const duplicate = await app.call<{ statusCode: number }>('/sla/calendars', { method: 'POST', json: { name: 'Berlin office', definition: { kind: '24x7' } } });
    expect(duplicate.status).toBe(409);

    const replaced = await app.call<SlaCalendarDto>(`/sla/calendars/${created.body.id}`, { method: 'PUT', json: { name: 'Always', definition: { kind: '24x7' } } });
    expect(replaced.body).toMatchObject({ name: 'Always', definition: { kind: '24x7' } });
    expect((await app.request(`/sla/calendars/${created.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/sla/calendars/${created.body.id}`)).status).toBe(404);
    expect((await app.request('/sla/calendars/not-a-uuid')).status).toBe(404);
  });

  it('creates policies per queue × priority with targets, warning share and calendar; 400 names the fields', async () => {
    const calendar = (await app.call<SlaCalendarDto>('/sla/calendars', { method: 'POST', json: { name: 'Office', definition: BERLIN_OFFICE } })).body;
    const created = await app.call<SlaPolicyDto>('/sla/policies', {
      method: 'POST',
      json: { name: 'Emergencies', queueId, priority: 'emergency', firstResponseMinutes: 15, nextResponseMinutes: 60, resolutionMinutes: 480, warnAtPercent: 75, calendarId: calendar.id },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Emergencies',
      queueId,
      priority: 'emergency',
      firstResponseMinutes: 15,
      nextResponseMinutes: 60,
      resolutionMinutes: 480,
      warnAtPercent: 75,
      calendarId: calendar.id,
      calendar: expect.objectContaining({ kind: 'business-hours', timeZone: 'Europe/Berlin' }),
    });
    const list = (await app.call<SlaPolicyListDto>('/sla/policies')).body.items;
    // The seed's spam queue has its own review policy besides.
    expect(list.map((p) => p.name).filter((name) => name !== 'Spam review')).toEqual(['Default', 'Emergencies']);

    expect(
      await badFields('/sla/policies', {
        method: 'POST',
        json: { name: 'Bad', queueId: 'nope', priority: 'urgent', firstResponseMinutes: -1, resolutionMinutes: 'soon', warnAtPercent: 120, calendarId: '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e' },
      }),
    ).toEqual(['calendarId', 'firstResponseMinutes', 'priority', 'queueId', 'resolutionMinutes', 'warnAtPercent']);
    expect(await badFields('/sla/policies', { method: 'POST', json: { name: 'X', surprise: 1 } })).toEqual(['surprise']);

    const duplicate = await app.call('/sla/policies', { method: 'POST', json: { name: 'Again', queueId, priority: 'emergency', firstResponseMinutes: 5 } });
    expect(duplicate.status).toBe(409);
    expect((await app.request(`/sla/calendars/${calendar.id}`, { method: 'DELETE' })).status).toBe(409);

    const replaced = await app.call<SlaPolicyDto>(`/sla/policies/${created.body.id}`, { method: 'PUT', json: { name: 'Emergencies 24/7', queueId, priority: 'emergency', firstResponseMinutes: 10 } });
    expect(replaced.body).toMatchObject({ name: 'Emergencies 24/7', firstResponseMinutes: 10, nextResponseMinutes: null, warnAtPercent: 80, calendarId: null, calendar: { kind: '24x7' } });
    expect((await app.request(`/sla/policies/${created.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/sla/policies/${created.body.id}`)).status).toBe(404);
  });

  it('filters breaches by queue, kind and time; lists clocks at risk; tickets show the business time remaining', async () => {
    const [a, b, c] = [await app.seedTicket('Breach A', 1), await app.seedTicket('Breach B', 2), await app.seedTicket('At risk', 3)];
    await app.ds.query(
      `INSERT INTO sla_clock (ticket_id, kind, started_at, target_ms, due_at, state, breached_at) VALUES
         ($1, 'first_response', now() - interval '3 hours', 3600000, now() - interval '2 hours', 'breached', '2026-01-10T10:00Z'),
         ($2, 'resolution', now() - interval '3 hours', 3600000, now() - interval '2 hours', 'breached', '2026-01-20T10:00Z')`,
      [a.id, b.id],
    );
    // 60 min target, started 50 min ago (24/7 default): 10 min left, due within 30 min.
    await app.ds.query(
      `INSERT INTO sla_clock (ticket_id, kind, started_at, target_ms, due_at, warn_at) VALUES ($1, 'first_response', now() - interval '50 minutes', 3600000,
         now() + interval '10 minutes', now() - interval '2 minutes'), ($1, 'resolution', now() - interval '50 minutes', 7200000, now() + interval '70 minutes', NULL)`,
      [c.id],
    );

    const breaches = async (query: string) => (await app.call<BreachListDto>(`/sla/breaches${query}`)).body.items.map((i) => i.ticketId);
    expect(await breaches('')).toEqual([b.id, a.id]);
    expect(await breaches('?kind=resolution')).toEqual([b.id]);
    expect(await breaches('?queue=safety&since=2026-01-15T00:00Z')).toEqual([b.id]);
    expect(await breaches(`?queue=${queueId}&until=2026-01-15T00:00Z`)).toEqual([a.id]);
    expect(await breaches('?queue=nope')).toEqual([]);
    expect(await badFields('/sla/breaches?kind=lunch&since=yesterday')).toEqual(['kind', 'since']);

    const atRisk = (await app.call<AtRiskListDto>('/sla/at-risk?within=30m')).body.items;
    expect(atRisk).toEqual([{ clockId: expect.any(String), ticketId: c.id, ticketNumber: expect.any(String), queueId, kind: 'first_response', dueAt: expect.any(String) }]);
    expect((await app.call<AtRiskListDto>('/sla/at-risk?within=2h')).body.items.map((i) => i.kind)).toEqual(['first_response', 'resolution']);
    expect(await badFields('/sla/at-risk?within=soon')).toEqual(['within']);

    const ticket = (await app.call<TicketDto>(`/tickets/${c.id}`)).body;
    const first = ticket.sla.find((s) => s.kind === 'first_response')!;
    expect(first.state).toBe('running');
    expect(first.remainingMs).toBeGreaterThan(9 * MIN);
    expect(first.remainingMs).toBeLessThanOrEqual(10 * MIN);
    const breached = (await app.call<TicketDto>(`/tickets/${a.id}`)).body.sla[0];
    expect(breached.remainingMs).toBeLessThan(-(110 * MIN));
  });
});
