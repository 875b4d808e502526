import { SEED_TEMPLATES, SLA_BREACH_TEMPLATE, type TemplateRepository } from '@casework/database';
import { noticeContext, pageContext, type StoredTemplate } from '@casework/domain';
import { NoticeLibrary } from './notice-library.js';

const seeded: StoredTemplate[] = SEED_TEMPLATES.map((t, i) => ({ ...t, id: `t${i}`, queueId: null, version: 1, html: null }));
const repository = (templates: StoredTemplate[]) => ({ library: async () => templates }) as unknown as TemplateRepository;
const ticket = { id: 't1', number: '100007', subject: 'Threats', priority: 'emergency' };
const clock = { kind: 'first_response', dueAt: new Date('2025-03-01T12:00:00Z'), warnAt: null };
const breach = (locale: string) => noticeContext({ ticket, queue: { name: 'Hilfe', slug: 'hilfe' }, clock }, locale);

describe('ops notices in the language of the ticket’s queue', () => {
  it.each([
    [null, 'SLA breached: first_response on ticket 100007', 'The first_response target of ticket 100007 ("Threats") was due at 2025-03-01T12:00:00.000Z\nand has passed without an answer.'],
    ['de', 'SLA verletzt: first_response für Vorgang 100007', 'Das Ziel first_response von Vorgang 100007 („Threats“) war am 2025-03-01T12:00:00.000Z fällig\nund ist ohne Antwort verstrichen.'],
  ])('sla-breach for a queue whose default locale is %s', async (defaultLocale, subject, text) => {
    const library = await NoticeLibrary.load(repository(seeded), null as never, ['sla-breach'], ['q1']);
    expect(library.render('sla-breach', { id: 'q1', defaultLocale }, breach, SLA_BREACH_TEMPLATE)).toEqual({ subject, text });
  });

  it('a queue override wins over the global text; an empty library falls back to the seed', async () => {
    const override: StoredTemplate = { ...seeded.find((t) => t.key === 'sla-breach' && t.locale === 'en')!, id: 'o1', queueId: 'q1', subject: 'Breach {{ticket.number}} in {{queue.name}}' };
    expect((await NoticeLibrary.load(repository([...seeded, override]), null as never, ['sla-breach'], ['q1'])).render('sla-breach', { id: 'q1', defaultLocale: null }, breach, SLA_BREACH_TEMPLATE).subject).toBe('Breach 100007 in Hilfe');
    expect((await NoticeLibrary.load(repository([]), null as never, ['sla-breach'], ['q1'])).render('sla-breach', { id: 'q1', defaultLocale: 'de' }, breach, SLA_BREACH_TEMPLATE).subject).toBe('SLA breached: first_response on ticket 100007');
  });

  it('pages in the queue’s language, the on-call and escalation lines by the page’s facts', async () => {
    const library = await NoticeLibrary.load(repository(seeded), null as never, ['page'], ['q1']);
    const page = (level: number, onCall: boolean) => (locale: string) => pageContext({ ticket, queue: { name: 'Hilfe', slug: 'hilfe' }, page: { id: 'p1', level, onCall, escalateAt: onCall ? new Date('2025-03-01T12:10:00Z') : null } }, locale);
    const fallback = { subject: '', body: '' };
    const first = library.render('page', { id: 'q1', defaultLocale: null }, page(0, true), fallback);
    expect(first.subject).toBe('PAGE: emergency ticket 100007');
    expect(first.text).toBe('Ticket 100007 ("Threats") in queue hilfe is an emergency.\nYou are on call. Acknowledge with POST /api/v1/pages/p1/ack\nUnacknowledged, it escalates to the next person on call at 2025-03-01T12:10:00.000Z.\nPage p1');
    const escalated = library.render('page', { id: 'q1', defaultLocale: 'es' }, page(1, false), fallback);
    expect(escalated.subject).toBe('AVISO URGENTE: caso de emergencia 100007 (escalado 1)');
    expect(escalated.text).toContain('No hay (más) personas de guardia en esta cola');
  });
});
