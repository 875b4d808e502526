import { randomUUID } from 'node:crypto';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { sha256 } from '@casework/devkit';
import { ApiFixture } from './api-fixture.js';

interface Rule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  when: object;
  then: object[];
  createdBy: string | null;
}
interface DryRun {
  ruleSet: string;
  enabledRules: number;
  mail: { from: string | null; subject: string; to: string[]; language: string | null; attachmentTypes: string[] };
  matched: { ruleId: string; name: string }[];
  outcome: { queue: { slug: string } | null; priority: string | null; tags: string[]; assigneeId: string | null; suppressAcknowledgement: boolean; spam: boolean; stoppedAt: string | null };
}
type Fields = { fields: Record<string, string[]> };

const threat = (subject: string, from = 'rita@reporter.example') =>
  [`From: Rita <${from}>`, 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${randomUUID()}@reporter.example>`, 'X-Spam-Flag: NO', '', 'They said they will find me.', ''].join('\r\n');

const legalRule = { name: 'Legal requests', when: { field: 'subject', op: 'regex', value: '\\b(subpoena|court order)\\b' }, then: [{ type: 'setQueue', queueSlug: 'legal' }, { type: 'setPriority', priority: 'high' }, { type: 'stop' }] };
const tagRule = { name: 'Tag reporters', position: 5, when: { field: 'senderDomain', op: 'equals', value: 'reporter.example' }, then: [{ type: 'addTags', tags: ['reporter'] }] };

/** /rules and its dry-run over HTTP against the built api and real Postgres. */
describe('routing rules API (built process)', () => {
  const app = new ApiFixture();
  const rawMessages = new RawMessageRepository();
  const tokens: Record<'lead' | 'specialist' | 'ops', string> = { lead: '', specialist: '', ops: '' };
  const userIds: Record<string, string> = {};
  let mailboxId: string;
  let restrictedMailboxId: string;
  let uid = 0;

  const store = async (mime: string, mailbox = mailboxId): Promise<string> => {
    const raw = Buffer.from(mime);
    const id = await rawMessages.insert(app.ds, { mailboxId: mailbox, uidValidity: 1n, uid: BigInt(++uid), sha256: sha256(raw), messageId: null, raw });
    return id!;
  };
  const dryRun = (json: object, token?: string) => app.call<DryRun & Fields & { code?: string; message?: string }>('/rules/dry-run', { method: 'POST', json, ...(token ? { token } : {}) });

  beforeAll(async () => {
    await app.start();
    for (const role of ['lead', 'specialist', 'ops'] as const) {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${role}@rules.test`, name: role, role } });
      userIds[role] = user.id;
      tokens[role] = (await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'rules' } })).body.token;
    }
    await app.call('/queues', { method: 'POST', json: { slug: 'legal', name: 'Legal', address: 'legal@casework.test' } });
    const { body: restricted } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'child-protection', name: 'CP', address: 'cp@casework.test', restricted: true } });
    const mailboxes = new ManagedMailboxRepository();
    mailboxId = (await mailboxes.upsertBootstrap(app.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' })).id;
    restrictedMailboxId = (await mailboxes.upsertBootstrap(app.ds, { address: 'cp@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'cp', folder: 'INBOX' })).id;
    await app.ds.query('UPDATE mailbox SET queue_id = $2 WHERE id = $1', [restrictedMailboxId, restricted.id]);
  }, 90_000);
  afterAll(() => app.stop(), 60_000);

  it('creates, lists in position order, reads, replaces and deletes rules', async () => {
    const legal = await app.call<Rule>('/rules', { method: 'POST', json: legalRule });
    expect(legal.status).toBe(201);
    expect(legal.body).toMatchObject({ ...legalRule, position: 0, enabled: true, createdBy: await app.bootstrapUserId() });
    const tag = await app.call<Rule>('/rules', { method: 'POST', json: tagRule, token: tokens.lead });
    expect(tag.status).toBe(201);
    expect(tag.body.createdBy).toBe(userIds.lead);
    // Without a position a rule goes after the last one.
    const last = await app.call<Rule>('/rules', { method: 'POST', json: { name: 'Spam flag', enabled: false, when: { field: 'header:X-Spam-Flag', op: 'equals', value: 'yes' }, then: [{ type: 'markSpam' }] } });
    expect(last.body.position).toBe(15);

    const { body: list } = await app.call<{ items: Rule[] }>('/rules');
    expect(list.items.map((r) => r.name)).toEqual(['Legal requests', 'Tag reporters', 'Spam flag']);
    expect((await app.call<Rule>(`/rules/${tag.body.id}`)).body).toEqual(tag.body);

    const replaced = await app.call<Rule>(`/rules/${legal.body.id}`, { method: 'PUT', json: { ...legalRule, name: 'Legal requests (court)', enabled: false } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Legal requests (court)', position: 0, enabled: false });
    const moved = await app.call<Rule>(`/rules/${legal.body.id}`, { method: 'PUT', json: { ...legalRule, position: 10 } });
    expect(moved.body).toMatchObject({ position: 10, enabled: true });
    expect((await app.call<{ items: Rule[] }>('/rules')).body.items.map((r) => r.name)).toEqual(['Tag reporters', 'Legal requests', 'Spam flag']);

    const deleted = await app.request(`/rules/${last.body.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    for (const [method, path] of [['GET', last.body.id], ['DELETE', last.body.id], ['GET', 'not-a-uuid'], ['PUT', randomUUID()]]) {
      const response = await app.call<{ code: string }>(`/rules/${path}`, { method, ...(method === 'PUT' ? { json: legalRule } : {}) });
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 404, 'RuleNotFound']);
    }
  });

  it.each<[string, object, string, RegExp]>([
    ['an invalid regex', { when: { all: [{ field: 'subject', op: 'regex', value: '(unclosed' }] } }, 'when.all.0.value', /invalid regex/],
    ['a backtracking-only regex', { when: { field: 'body', op: 'regex', value: '(a+)\\1' } }, 'when.value', /invalid regex/],
    ['an unknown field', { when: { field: 'sender', op: 'equals', value: 'x' } }, 'when.field', /unknown field "sender"/],
    ['an unknown operator', { when: { field: 'to', op: 'like', value: 'x' } }, 'when.op', /unknown operator "like"/],
    ['an unknown action', { then: [{ type: 'forward', to: 'x@y' }] }, 'then.0.type', /unknown action "forward"/],
    ['an unknown queue', { then: [{ type: 'addTags', tags: ['a'] }, { type: 'setQueue', queueSlug: 'nope' }] }, 'then.1.queueSlug', /no queue has the slug "nope"/],
    ['an unknown user', { then: [{ type: 'assign', userId: randomUUID() }] }, 'then.0.userId', /no user/],
    ['a missing name', { name: undefined }, 'name', /name/],
    ['a null position', { position: null }, 'position', /position/],
    ['an unknown property', { priority: 'high' }, 'priority', /should not exist/],
  ])('answers 400 naming %s', async (_what, change, field, message) => {
    const response = await app.call<Fields>('/rules', { method: 'POST', json: { ...legalRule, ...change } });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual([field]);
    expect(response.body.fields[field].join(' ')).toMatch(message);
  });

  it('lets admins and leads manage rules, nobody else', async () => {
    for (const role of ['specialist', 'ops'] as const) {
      expect((await app.call('/rules', { token: tokens[role] })).status).toBe(403);
      expect((await app.call('/rules', { method: 'POST', json: legalRule, token: tokens[role] })).status).toBe(403);
      expect((await dryRun({ mime: threat('x') }, tokens[role])).status).toBe(403);
    }
    expect((await app.call('/rules', { token: null })).status).toBe(401);
    expect((await app.call('/rules/dry-run', { method: 'POST', json: { mime: threat('x') }, token: null })).status).toBe(401);
    expect((await app.call('/rules', { token: tokens.lead })).status).toBe(200);
    expect((await dryRun({ mime: threat('x') }, tokens.lead)).status).toBe(200);
  });

  it('dry-runs the stored rules on a stored message, changing nothing', async () => {
    const id = await store(threat('Court order for account data'));
    const [before] = await app.ds.query('SELECT (SELECT version FROM routing_rule_set) AS version, (SELECT count(*) FROM ticket) AS tickets');
    const run = await dryRun({ rawMessageId: id });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      ruleSet: 'stored', // language detected as routing detects it
      enabledRules: 2,
      mail: { from: 'rita@reporter.example', subject: 'Court order for account data', to: ['safety@casework.test'], language: 'en' },
      matched: [{ name: 'Tag reporters' }, { name: 'Legal requests' }],
      outcome: { queue: { slug: 'legal' }, priority: 'high', tags: ['reporter'], spam: false, stoppedAt: expect.any(String) },
    });
    expect(JSON.stringify(run.body)).not.toContain('find me');
    const [after] = await app.ds.query('SELECT (SELECT version FROM routing_rule_set) AS version, (SELECT count(*) FROM ticket) AS tickets');
    expect(after).toEqual(before);
    expect((await app.ds.query('SELECT status FROM raw_message WHERE id = $1', [id]))[0].status).toBe('received');

    expect((await dryRun({ rawMessageId: randomUUID() })).body.code).toBe('RawMessageNotFound');
  });

  it('dry-runs a message that became a ticket, and a duplicate record by its original’s bytes', async () => {
    const id = await store(threat('Subpoena received'));
    const ticket = await app.seedTicket('Subpoena received', 1);
    await app.ds.query(`UPDATE article SET raw_message_id = $1 WHERE ticket_id = $2 AND direction = 'inbound'`, [id, ticket.id]);
    await app.ds.query(`UPDATE raw_message SET status = 'ticketed' WHERE id = $1`, [id]);
    expect((await dryRun({ rawMessageId: id })).body.matched.map((m) => m.name)).toEqual(['Tag reporters', 'Legal requests']);
    const [dry] = (await app.call<{ items: { ticketIds: string[]; subject: string }[] }>('/audit?action=rule.dry_run&limit=1')).body.items;
    expect(dry).toMatchObject({ subject: `raw_message:${id}`, ticketIds: [ticket.id] });

    await rawMessages.insertDuplicate(app.ds, { mailboxId, source: 'imap', uidValidity: 1n, uid: BigInt(++uid), envelopeFrom: null, envelopeTo: null, sha256: 'x', messageId: null, size: 1 }, id);
    const [{ id: duplicateId }] = await app.ds.query(`SELECT id FROM raw_message WHERE duplicate_of = $1`, [id]);
    expect((await dryRun({ rawMessageId: duplicateId })).body.mail.subject).toBe('Subpoena received');
  });

  it('dry-runs a candidate rule set on inline MIME, with the language and triage the router would add', async () => {
    const rules = [
      { id: 'es-threats', name: 'Spanish threats', position: 1, when: { all: [{ field: 'language', op: 'equals', value: 'es' }, { field: 'triageCategory', op: 'inList', value: ['threat'] }] }, then: [{ type: 'setPriority', priority: 'emergency' }, { type: 'suppressAcknowledgement' }] },
      { name: 'Spam by header', position: 2, when: { not: { field: 'header:X-Spam-Flag', op: 'equals', value: 'no' } }, then: [{ type: 'markSpam' }] },
      { name: 'Assign the lead', position: 3, when: { all: [] }, then: [{ type: 'assign', userId: userIds.lead }] },
    ];
    const run = await dryRun({ mime: threat('Amenaza'), rules, language: 'es', triageCategories: ['threat'] });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      ruleSet: 'candidate',
      enabledRules: 3,
      matched: [{ ruleId: 'es-threats' }, { ruleId: 'candidate-2' }],
      outcome: { queue: null, priority: 'emergency', tags: [], assigneeId: userIds.lead, suppressAcknowledgement: true, spam: false, stoppedAt: null },
    });
    const bad = await dryRun({ mime: threat('x'), rules: [rules[0], { ...rules[1], when: { field: 'subject', op: 'regex', value: '*' } }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['rules.1.when.value']);
  });

  it('answers 422 with the parser’s reason for junk, 400 unless exactly one source is given', async () => {
    const junk = await dryRun({ mime: 'just some words, no headers at all' });
    expect(junk.status).toBe(422);
    expect(junk.body).toMatchObject({ code: 'UnparsableMessage', message: expect.stringContaining('not-a-message') });
    expect((await dryRun({ mime: '   ' })).body.message).toContain('(empty)');
    const stored = await dryRun({ rawMessageId: await store('\u0000\u0001 binary') });
    expect(stored.status).toBe(422);
    for (const body of [{}, { mime: threat('x'), rawMessageId: randomUUID() }]) {
      const response = await dryRun(body);
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(['mime', 'rawMessageId']);
    }
  });

  it('hides a restricted queue’s message from callers without a grant, and audits a granted read', async () => {
    const id = await store(threat('Report about a child'), restrictedMailboxId);
    expect((await dryRun({ rawMessageId: id }, tokens.lead)).status).toBe(404);
    // Admins too: a restricted queue opens only by grant.
    expect((await dryRun({ rawMessageId: id })).status).toBe(404);
    const [{ id: queueId }] = await app.ds.query(`SELECT id FROM queue WHERE slug = 'child-protection'`);
    await app.call(`/queues/${queueId}/access`, { method: 'PUT', json: { grants: [{ userId: userIds.lead, level: 'read' }] } });
    expect((await dryRun({ rawMessageId: id }, tokens.lead)).status).toBe(200);
    const { body } = await app.call<{ items: { action: string; subject: string; queueId: string }[] }>('/audit?action=raw.read');
    expect(body.items[0]).toMatchObject({ subject: `raw_message:${id}`, queueId });
  });

  it('records every change and dry-run in the audit trail, with the rule, never mail content', async () => {
    const { body: created } = await app.call<Rule>('/rules', { method: 'POST', json: { ...tagRule, name: 'Audited' } });
    await app.call(`/rules/${created.id}`, { method: 'PUT', json: { ...tagRule, name: 'Audited', position: 7 } });
    await app.request(`/rules/${created.id}`, { method: 'DELETE' });
    await dryRun({ mime: threat('Audited dry-run') });
    // A refused change records nothing.
    await app.call('/rules', { method: 'POST', json: { ...tagRule, when: { field: 'nope', op: 'equals', value: 'x' } } });

    const { body } = await app.call<{ items: { action: string; subject: string; details: Record<string, unknown> }[] }>('/audit?limit=50');
    const events = body.items.filter((e) => e.action.startsWith('rule.'));
    const [dry, deleted, replaced, createdEvent] = events;
    expect(events.slice(0, 4).map((e) => e.action)).toEqual(['rule.dry_run', 'rule.deleted', 'rule.replaced', 'rule.created']);
    expect(createdEvent).toMatchObject({ subject: `rule:${created.id}`, details: { name: 'Audited', position: 5, when: tagRule.when, then: tagRule.then } });
    expect(replaced.details).toEqual({ position: { before: 5, after: 7 } });
    expect(deleted).toMatchObject({ subject: `rule:${created.id}`, details: { name: 'Audited', position: 7 } });
    expect(dry).toMatchObject({ subject: 'rule:dry-run', details: { source: 'mime', ruleSet: 'stored' } });
    expect(JSON.stringify(body)).not.toContain('find me');
    expect((await app.call<{ ok: boolean }>('/audit/verify')).body.ok).toBe(true);
  });
});
