import { randomUUID } from 'node:crypto';
import { QueueRepository, RoutingRuleRepository } from '@casework/database';
import { mail, RoutingBed } from './support/routing-bed.js';

/**
 * Triage, language and rules on the built routing process: what a mail says decides its
 * priority and tags, its language is the ticket's, and the stored rules (which may test both)
 * move and tag it — each step in the ticket's history.
 */
describe('routing: triage, language and rules (built process)', () => {
  let routing: RoutingBed;
  const rules = new RoutingRuleRepository();

  const report = (subject: string, body: string, from = 'rita@example.org') =>
    mail([`From: ${from}`, 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${randomUUID()}@example.org>`, 'Content-Type: text/plain; charset=utf-8'], body);
  const ticketOf = async (raw: string) => {
    const { ticket_id: id } = await routing.articleOf(raw);
    const [row] = await routing.ds.query(`SELECT t.priority, t.language, t.triage, t.tags, q.slug AS queue FROM ticket t JOIN queue q ON q.id = t.queue_id WHERE t.id = $1`, [id]);
    return { id, ...row } as { id: string; priority: string; language: string | null; triage: { level: number; categories: { category: string; language: string }[] }; tags: string[]; queue: string };
  };

  beforeAll(async () => {
    routing = await RoutingBed.start();
  }, 60_000);

  afterAll(() => routing?.stop(), 30_000);

  it('pages on an explicit first-person threat in Spanish: emergency, triage level 2, the tag, the language', async () => {
    const raw = await routing.route(report('Mi vecino', 'Estoy harto. Voy a matar a mi vecino mañana, ya tengo el cuchillo.'));
    const ticket = await ticketOf(raw);
    expect(ticket).toMatchObject({ priority: 'emergency', language: 'es', tags: expect.arrayContaining(['triage:threat']) });
    expect(ticket.triage).toMatchObject({ level: 2, categories: [expect.objectContaining({ category: 'threat', language: 'es' })] });
    expect(await routing.history(ticket.id)).toContainEqual({ kind: 'triage_raised', details: expect.objectContaining({ level: 2, categories: ['threat'] }) });
  });

  it('leaves an ordinary question alone, with its language', async () => {
    const ticket = await ticketOf(await routing.route(report('Compte bloqué', "Bonjour, mon compte est bloqué depuis hier et je ne sais pas pourquoi. Pouvez-vous m'aider ?")));
    expect(ticket).toMatchObject({ priority: 'normal', language: 'fr', tags: [] });
    expect(ticket.triage.level).toBe(0);
  });

  it('applies the stored rules, which see the detected language; a rule change is picked up by the next mail', async () => {
    await new QueueRepository().upsert(routing.ds, { slug: 'german', name: 'Deutsch', address: 'de@casework.test', isDefault: false });
    const rule = await rules.create(
      routing.ds,
      {
        name: 'German to the German queue',
        position: 0,
        enabled: true,
        when: { field: 'language', op: 'equals', value: 'de' },
        then: [{ type: 'setQueue', queueSlug: 'german' }, { type: 'addTags', tags: ['lang-de'] }],
      },
      null,
    );
    const german = await ticketOf(await routing.route(report('Konto gesperrt', 'Hallo, mein Konto wurde gestern gesperrt und ich weiß nicht, warum. Können Sie mir bitte helfen?')));
    expect(german).toMatchObject({ queue: 'german', language: 'de', tags: ['lang-de'] });
    expect(await routing.history(german.id)).toContainEqual({ kind: 'rule_applied', details: expect.objectContaining({ ruleId: rule.id }) });

    await rules.replace(routing.ds, rule.id, { name: rule.name, position: 0, enabled: false, when: { field: 'language', op: 'equals', value: 'de' }, then: [{ type: 'stop' }] });
    const after = await ticketOf(await routing.route(report('Noch einmal', 'Hallo, ich schreibe noch einmal wegen meines gesperrten Kontos. Bitte antworten Sie mir.')));
    expect(after.queue).not.toBe('german');
    expect(after.tags).toEqual([]);
  });

  it('routes by a rule to a queue created after the rule set was loaded', async () => {
    const rule = await rules.create(
      routing.ds,
      { name: 'Russian to its queue', position: 0, enabled: true, when: { field: 'language', op: 'equals', value: 'ru' }, then: [{ type: 'setQueue', queueSlug: 'russian' }] },
      null,
    );
    const text = 'Здравствуйте, мой аккаунт заблокировали вчера, и я не понимаю почему. Помогите, пожалуйста.';
    // The slug names no queue yet: the mail goes where it would have gone.
    expect((await ticketOf(await routing.route(report('Аккаунт', text)))).queue).not.toBe('russian');
    await new QueueRepository().upsert(routing.ds, { slug: 'russian', name: 'Русский', address: 'ru@casework.test', isDefault: false });
    expect((await ticketOf(await routing.route(report('Аккаунт снова', text)))).queue).toBe('russian');
    await rules.delete(routing.ds, rule.id);
  });

  it("assigns the ticket to a rule's user from the start, and to nobody once that user is disabled", async () => {
    const [{ id: userId }] = await routing.ds.query(`INSERT INTO app_user (email, name, role) VALUES ('kim@routing.test', 'Kim', 'specialist') RETURNING id`);
    const rule = await rules.create(
      routing.ds,
      { name: 'Doxxing reports to Kim', position: 0, enabled: true, when: { field: 'subject', op: 'contains', value: 'doxx' }, then: [{ type: 'assign', userId }] },
      null,
    );
    const assigneeOf = async (raw: string) => (await routing.ds.query(`SELECT assignee_id FROM ticket WHERE id = $1`, [(await ticketOf(raw)).id]))[0].assignee_id;
    expect(await assigneeOf(await routing.route(report('I was doxxed', 'Someone posted my home address.')))).toBe(userId);
    await routing.ds.query(`UPDATE app_user SET disabled = true WHERE id = $1`, [userId]);
    expect(await assigneeOf(await routing.route(report('Doxxed again', 'They posted it again today.')))).toBeNull();
    await rules.delete(routing.ds, rule.id);
  });
});
