import { ApiFixture } from './api-fixture.js';

/**
 * GET /search over the built api: stemming per language, Chinese and Hindi by character pairs,
 * the query language (phrases, exclusion, from:, tag:), hostile input, and the access rule
 * decided at query time (restricted queues hidden, audited when granted, a new grant at once).
 * Every text here is written for this test.
 */
interface Hit {
  ticket: { id: string; number: string; subject: string | null; status: string; queue: { slug: string } };
  article: { id: string; direction: string; createdAt: string } | null;
  snippet: string;
}
interface Page {
  items: Hit[];
  nextCursor: string | null;
}

interface SeedInput {
  subject: string;
  language: string | null;
  body: string;
  from?: string;
  tags?: string[];
  queueSlug?: string;
  direction?: 'inbound' | 'outbound' | 'note';
  status?: string;
}

describe('GET /search (built process)', () => {
  const app = new ApiFixture();
  let seq = 0;
  const ids: Record<string, string> = {};

  async function seed(name: string, input: SeedInput): Promise<string> {
    const from = input.from ?? 'reporter@example.org';
    const [{ id: contactId }] = await app.ds.query(
      `INSERT INTO contact (email, name) VALUES ($1, 'Reporter') ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [from],
    );
    const [{ id }] = await app.ds.query(
      `INSERT INTO ticket (number, subject, status, queue_id, requester_id, language, tags, created_at)
       SELECT $1, $2, $3, q.id, $4, $5, $6::text[], now() - make_interval(mins => $7) FROM queue q WHERE q.slug = $8 RETURNING id`,
      [`S${++seq}`, input.subject, input.status ?? 'open', contactId, input.language, input.tags ?? [], seq, input.queueSlug ?? 'safety'],
    );
    await app.ds.query(`INSERT INTO article (ticket_id, direction, from_email, subject, body_text) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      input.direction ?? 'inbound',
      from,
      input.subject,
      input.body,
    ]);
    ids[name] = id;
    return id;
  }

  const search = (query: string, token?: string) => app.call<Page>(`/search?${query.startsWith('q=') ? query : `q=${encodeURIComponent(query)}`}`, { token });
  const found = async (q: string, token?: string) => {
    const { status, body } = await search(q, token);
    expect(status).toBe(200);
    return body.items.map((hit) => hit.ticket.id);
  };

  let grantedToken: string;
  let ungrantedToken: string;
  let ungrantedId: string;
  let restrictedQueueId: string;

  beforeAll(async () => {
    await app.start();
    await seed('en', { subject: 'Account report', language: 'en', body: 'He keeps threatening my family and posting our home address.', tags: ['harassment'] });
    await seed('es', { subject: 'Cuenta falsa', language: 'es', body: 'Me amenazaron varias veces por mensaje privado.' });
    await seed('fr', { subject: 'Compte suspect', language: 'fr', body: 'Il a menacé ma sœur plusieurs fois cette semaine.' });
    await seed('de', { subject: 'Gefälschtes Konto', language: 'de', body: 'Ich habe mehrere Drohungen erhalten, bitte helfen Sie.' });
    await seed('ru', { subject: 'Фальшивый аккаунт', language: 'ru', body: 'Он угрожал мне несколько раз в личных сообщениях.' });
    await seed('ar', { subject: 'حساب مزيف', language: 'ar', body: 'تلقيت التهديدات عبر الرسائل الخاصة كل يوم.' });
    await seed('zh', { subject: '账号问题', language: 'zh', body: '我们收到了威胁信息，请尽快处理这个账号。' });
    await seed('hi', { subject: 'नकली खाता', language: 'hi', body: 'मुझे कई संदेशों में धमकी दी गई है।' });
    await seed('phrase', { subject: 'Event safety', language: 'en', body: 'Someone wrote that they would come to the stadium gate tonight.', tags: ['event-safety'] });
    await seed('phraseApart', { subject: 'Stadium', language: 'en', body: 'The gate was closed; the stadium opens tonight.' });
    await seed('spam', { subject: 'Newsletter', language: 'en', body: 'Doxxing tools for sale, unsubscribe spam here.', from: 'spammer@bulk.example' });
    await seed('doxx', { subject: 'Doxxing of a moderator', language: 'en', body: 'They published the doxxing post with her phone number.', from: 'moderator@example.org', tags: ['doxxing'] });
    await seed('note', { subject: 'Internal', language: 'en', body: 'Escalated to the legal team after the subpoena arrived.', direction: 'note' });
    await seed('html', { subject: 'Script', language: 'en', body: 'Look at <script>alert("xss")</script> this malicious payload & more.' });
    await seed('zhHtml', { subject: '链接', language: 'zh', body: '<img src=x onerror=alert(1)> 这是恶意链接 "quoted" & more' });

    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'cp', name: 'Child protection', address: 'cp@casework.test', restricted: true } });
    restrictedQueueId = queue.id;
    await seed('secret', { subject: 'Grooming case', language: 'en', body: 'The confidential grooming evidence is attached.', queueSlug: 'cp' });
    const users: Record<string, { id: string; token: string }> = {};
    for (const name of ['granted', 'ungranted']) {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${name}@search.test`, name, role: 'specialist' } });
      const { body: token } = await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'search' } });
      users[name] = { id: user.id, token: token.token };
    }
    grantedToken = users.granted.token;
    ungrantedToken = users.ungranted.token;
    ungrantedId = users.ungranted.id;
    const grant = await app.call(`/queues/${restrictedQueueId}/access`, { method: 'PUT', json: { grants: [{ userId: users.granted.id, level: 'read' }] } });
    expect(grant.status).toBe(200);
  }, 120_000);

  afterAll(() => app.stop(), 60_000);

  it.each([
    ['en', 'threaten'],
    ['es', 'amenazar'],
    ['fr', 'menaces'],
    ['de', 'Drohung'],
    ['ru', 'угрожает'],
    ['ar', 'تهديد'],
    ['zh', '威胁'],
    ['zh', '威胁信息'],
    ['zh', '账号'],
    ['hi', 'धमकी'],
    ['hi', 'संदेश'],
  ])('finds the %s ticket by %s (another form, or a part, of its words)', async (language, q) => {
    expect(await found(q)).toContain(ids[language]);
  });

  it('answers the shape, with the matching article and its highlighted snippet', async () => {
    const { body } = await search('threaten');
    const hit = body.items.find((h) => h.ticket.id === ids.en)!;
    expect(hit.ticket).toMatchObject({ number: expect.any(String), subject: 'Account report', status: 'open', queue: { slug: 'safety' } });
    expect(hit.article).toMatchObject({ id: expect.any(String), direction: 'inbound', createdAt: expect.any(String) });
    expect(hit.snippet).toContain('<mark>threatening</mark>');
    const zh = (await search('威胁')).body.items.find((h) => h.ticket.id === ids.zh)!;
    expect(zh.snippet).toContain('<mark>威胁</mark>');
  });

  it('matches a subject with no article, and notes', async () => {
    const { body } = await search('moderator');
    expect(body.items.find((h) => h.ticket.id === ids.doxx)?.article).toBeNull();
    const note = (await search('subpoena')).body.items.find((h) => h.ticket.id === ids.note)!;
    expect(note.article?.direction).toBe('note');
  });

  it('escapes the mail in snippets, keeping only its own marks', async () => {
    const { body } = await search('malicious');
    const snippet = body.items.find((h) => h.ticket.id === ids.html)!.snippet;
    expect(snippet).toContain('<mark>malicious</mark>');
    expect(snippet).toContain('&amp; more');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    // A Chinese hit is cut from the text around the literal match: escaped all the same.
    const zh = (await search('恶意')).body.items.find((h) => h.ticket.id === ids.zhHtml)!.snippet;
    expect(zh).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(zh).toContain('<mark>恶意</mark>');
    expect(zh.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('phrases need the words in order, adjacent', async () => {
    const phrase = await found('"stadium gate"');
    expect(phrase).toContain(ids.phrase);
    expect(phrase).not.toContain(ids.phraseApart);
    expect(await found('stadium gate')).toEqual(expect.arrayContaining([ids.phrase, ids.phraseApart]));
  });

  it('excludes with -word, filters with from: and tag:', async () => {
    const doxxing = await found('doxxing');
    expect(doxxing).toEqual(expect.arrayContaining([ids.doxx, ids.spam]));
    const notSpam = await found('doxxing -spam');
    expect(notSpam).toContain(ids.doxx);
    expect(notSpam).not.toContain(ids.spam);
    expect(await found('doxxing from:Spammer@bulk.example')).toEqual([ids.spam]);
    expect(await found('doxxing tag:doxxing')).toEqual([ids.doxx]);
    expect(await found('tonight tag:event-safety')).toEqual([ids.phrase]);
  });

  it('treats unbalanced quotes as text and hostile input as words, never a 500', async () => {
    expect(await found('"stadium gate')).toEqual(expect.arrayContaining([ids.phrase, ids.phraseApart]));
    for (const q of ["'); DROP TABLE ticket; --", 'a & | ! :*', '!!!', '"', '-', 'from:', 'tag:', "\\' OR 1=1 --", '威胁 & !', '<->', 'a:*B & !c', '-threaten', '\u0000', 'threat\u0000en', '\uE000threaten\uE001']) {
      const { status, body } = await search(q);
      expect([status, q]).toEqual([200, q]);
      expect(Array.isArray(body.items)).toBe(true);
    }
    const [{ count }] = await app.ds.query(`SELECT count(*)::int AS count FROM ticket`);
    expect(count).toBeGreaterThan(0);
  });

  it('refuses a missing, empty or too long q and a bad limit or cursor, naming them', async () => {
    for (const [query, field] of [
      ['', 'q'],
      ['q=', 'q'],
      ['q=%20%20', 'q'],
      [`q=${'a'.repeat(501)}`, 'q'],
      ['q=threaten&limit=0', 'limit'],
      ['q=threaten&limit=abc', 'limit'],
      ['q=threaten&limit=101', 'limit'],
      ['q=threaten&cursor=nonsense', 'cursor'],
      ['q=threaten&status=gone', 'status'],
    ]) {
      const response = await app.call<{ fields: Record<string, string[]> }>(`/search?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(Object.keys(response.body.fields)).toContain(field);
    }
    expect((await search(`q=${'a'.repeat(500)}`)).status).toBe(200);
  });

  it('pages by cursor in rank order without repeating a ticket', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await search(`q=doxxing&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      seen.push(...body.items.map((h) => h.ticket.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([ids.doxx, ids.spam].sort());
  });

  it('filters by queue and status', async () => {
    expect(await found('q=threaten&queue=safety')).toContain(ids.en);
    expect(await found('q=threaten&queue=nowhere')).toEqual([]);
    expect(await found('q=threaten&status=closed')).toEqual([]);
  });

  it('hides a restricted queue from an ungranted specialist and audits the granted one', async () => {
    expect(await found('grooming', ungrantedToken)).toEqual([]);
    expect(await found('q=grooming&queue=cp', ungrantedToken)).toEqual([]);
    expect(await found('grooming', grantedToken)).toEqual([ids.secret]);
    const { body: audit } = await app.call<{ items: { actor: { email: string }; ticketIds: string[] }[] }>('/audit?action=ticket.read');
    expect(audit.items.some((e) => e.actor.email === 'granted@search.test' && e.ticketIds.includes(ids.secret))).toBe(true);
    // An open queue's hits are not a restricted read.
    await found('threaten', grantedToken);
    const { body: after } = await app.call<{ items: { actor: { email: string }; ticketIds: string[] }[] }>('/audit?action=ticket.read');
    expect(after.items.filter((e) => e.actor.email === 'granted@search.test').every((e) => e.ticketIds.every((id) => id === ids.secret))).toBe(true);
  });

  it('shows a metadata-only viewer nothing', async () => {
    const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'ops@search.test', name: 'ops', role: 'ops' } });
    const { body: token } = await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'search' } });
    expect(await found('threaten', token.token)).toEqual([]);
  });

  it('follows a grant added just now, without reindexing', async () => {
    expect(await found('grooming', ungrantedToken)).toEqual([]);
    const { body: current } = await app.call<{ grants: { userId: string; level: string }[] }>(`/queues/${restrictedQueueId}/access`);
    const grants = [...current.grants.map((g) => ({ userId: g.userId, level: g.level })), { userId: ungrantedId, level: 'read' }];
    expect((await app.call(`/queues/${restrictedQueueId}/access`, { method: 'PUT', json: { grants } })).status).toBe(200);
    expect(await found('grooming', ungrantedToken)).toEqual([ids.secret]);
  });
});
