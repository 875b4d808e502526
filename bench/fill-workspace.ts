import type { Db } from '@casework/database';

/**
 * The specialists' workspace at scale for bench:api (issue 14's figure): `tickets` tickets in
 * `queues` queues, `users` specialists, and three articles per ticket (the inbound mail, the
 * reply, an internal note) with text in the eight languages we answer, all by INSERT … SELECT
 * over generate_series (nothing crosses the wire). fill-tickets.ts stays as the other benches
 * and plan tests know it: one article, no language, tags or assignee.
 *
 * The text is made of hand-written words per language, drawn skewed (the first words of each
 * list far more often, as in real mail), plus an account handle per ticket; bodies come from a
 * pool of 4,000 per language, so the search index holds realistic posting lists: common words
 * in a large share of the articles, rare ones in few. The articles are written through the
 * migration's trigger (their tokens computed per row, as in production); the two search
 * indexes are dropped for the fill and built after it, as a bulk load would.
 */
export interface WorkspaceFillOptions {
  tickets: number;
  queues: number;
  users: number;
}

export interface FilledWorkspace {
  busy: { id: string; slug: string };
  tag: string;
  assigneeId: string;
  articles: number;
}

/** Language shares of the tickets, per 100. */
const LANGUAGES: [language: string, share: number][] = [['en', 40], ['es', 15], ['fr', 10], ['de', 10], ['ru', 8], ['ar', 7], ['zh', 5], ['hi', 5]];

/** Most frequent first: a body draws index ⌊n·r³⌋, so the head words are in most bodies and the tail in few. */
const WORDS: Record<string, string> = {
  en: 'the account please report this message user harassment posted again threatening photos address doxxing stalking tonight ban review abuse screenshot fake profile impersonation phone number family school safety urgent police evidence video comments threatened blackmail extortion leaked minor grooming selfharm suicide hotline moderator appeal',
  es: 'la cuenta por favor mensaje usuario acoso publicó otra vez amenaza fotos dirección doxeo acecho esta noche denuncia abuso captura perfil falso suplantación teléfono familia escuela seguridad urgente policía pruebas vídeo comentarios amenazaron chantaje extorsión filtrado menor',
  fr: 'le compte merci message utilisateur harcèlement publié encore menace photos adresse divulgation traque ce soir signalement abus capture profil faux usurpation téléphone famille école sécurité urgent police preuves vidéo commentaires menacé chantage extorsion fuite mineur',
  de: 'das konto bitte nachricht benutzer belästigung gepostet wieder drohung fotos adresse doxing stalking heute abend meldung missbrauch screenshot profil gefälscht identitätsdiebstahl telefon familie schule sicherheit dringend polizei beweise video kommentare bedroht erpressung geleakt minderjährig',
  ru: 'аккаунт пожалуйста сообщение пользователь травля опубликовал снова угроза фото адрес деанон преследование сегодня вечером жалоба злоупотребление скриншот фейковый профиль телефон семья школа безопасность срочно полиция доказательства видео комментарии угрожал шантаж вымогательство утечка',
  ar: 'الحساب من فضلك رسالة المستخدم تحرش نشر مرة أخرى تهديد صور العنوان كشف ملاحقة الليلة بلاغ إساءة لقطة ملف مزيف انتحال هاتف العائلة المدرسة السلامة عاجل الشرطة أدلة فيديو تعليقات هددني ابتزاز تسريب قاصر',
  zh: '账号 请 消息 用户 骚扰 发布 再次 威胁 照片 地址 人肉搜索 跟踪 今晚 举报 滥用 截图 虚假 资料 冒充 电话 家人 学校 安全 紧急 警察 证据 视频 评论 恐吓 勒索 泄露 未成年',
  hi: 'खाता कृपया संदेश उपयोगकर्ता उत्पीड़न पोस्ट फिर धमकी तस्वीरें पता पीछा आज रात शिकायत दुरुपयोग स्क्रीनशॉट नकली प्रोफ़ाइल फ़ोन परिवार स्कूल सुरक्षा तुरंत पुलिस सबूत वीडियो टिप्पणियाँ ब्लैकमेल लीक नाबालिग',
};
/** Rare terms and phrases, one in 50 bodies carries one: what a search for a specific case looks for. */
const RARE: Record<string, string[]> = {
  en: ['swatting', 'sextortion', 'subpoena', 'death threat', 'bomb threat', 'home address leaked', 'credible threat', 'restraining order', 'hate speech', 'revenge porn'],
  es: ['amenaza de muerte', 'orden de alejamiento', 'sextorsión', 'discurso de odio'],
  fr: ['menace de mort', 'ordonnance restrictive', 'sextorsion', 'discours haineux'],
  de: ['morddrohung', 'kontaktverbot', 'sextortion', 'hassrede'],
  ru: ['угроза убийством', 'сексторшн', 'судебный запрет', 'язык вражды'],
  ar: ['تهديد بالقتل', 'أمر تقييدي', 'خطاب الكراهية'],
  zh: ['死亡威胁', '限制令', '仇恨言论'],
  hi: ['जान से मारने की धमकी', 'निरोधक आदेश', 'नफ़रत भरे भाषण'],
};
const TAGS = ['harassment', 'doxxing', 'event-safety', 'impersonation', 'spam', 'self-harm', 'extortion', 'minor', 'legal', 'vip'];
const BODIES_PER_LANGUAGE = 4000;

export async function fillWorkspace(db: Db, options: WorkspaceFillOptions, log: (line: string) => void = () => undefined): Promise<FilledWorkspace> {
  let since = Date.now();
  const step = (what: string) => {
    log(`fill: ${what} in ${Date.now() - since} ms`);
    since = Date.now();
  };
  const busyQueues = options.queues - 1;
  await db.query(
    `INSERT INTO queue (slug, name, address)
     SELECT 'queue-' || lpad(g::text, 2, '0'), 'Queue ' || g, 'queue-' || g || '@casework.test' FROM generate_series(1, $1::int) g`,
    [busyQueues],
  );
  await db.query(`INSERT INTO contact (email, name) SELECT 'requester-' || g || '@example.org', 'Requester ' || g FROM generate_series(1, 1000) g`);
  await db.query(`INSERT INTO app_user (email, name, role) SELECT 'specialist-' || g || '@casework.test', 'Specialist ' || g, 'specialist' FROM generate_series(1, $1::int) g`, [options.users]);

  // The language of ticket g: its position in a 100-slot wheel of the shares above.
  const wheel = LANGUAGES.flatMap(([language, share]) => Array<string>(share).fill(language));
  await db.query(`CREATE TEMP TABLE bench_words AS SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS w(language, words, rare)`, [
    Object.keys(WORDS),
    Object.values(WORDS),
    Object.keys(WORDS).map((language) => RARE[language].join(',')),
  ]);
  await db.query(
    `CREATE TEMP TABLE bench_body AS
     SELECT w.language, b AS n,
            (SELECT string_agg(CASE WHEN w.language = 'zh' AND i % 3 <> 0 THEN '' ELSE ' ' END || list[1 + floor(cardinality(list) * random() ^ 3)::int], '')
               FROM generate_series(1, 12 + (b % 14)) i, LATERAL (SELECT string_to_array(w.words, ' ') AS list) l
            ) || CASE WHEN random() < 0.02 THEN ' ' || (SELECT r[1 + floor(cardinality(r) * random())::int] FROM (SELECT string_to_array(w.rare, ',') AS r) x) ELSE '' END AS body
       FROM bench_words w, generate_series(0, $1::int - 1) b`,
    [BODIES_PER_LANGUAGE],
  );
  await db.query(`CREATE INDEX ON bench_body (language, n)`);
  step(`${BODIES_PER_LANGUAGE * LANGUAGES.length} bodies`);
  await db.query(`DROP INDEX article_search`);
  await db.query(`DROP INDEX ticket_search`);
  await db.query(
    `WITH busy AS (SELECT array_agg(id ORDER BY slug) AS ids FROM queue WHERE slug LIKE 'queue-%'),
          requesters AS (SELECT array_agg(id ORDER BY email) AS ids FROM contact WHERE email LIKE 'requester-%@example.org'),
          users AS (SELECT array_agg(id ORDER BY email) AS ids FROM app_user WHERE email LIKE 'specialist-%@casework.test')
     INSERT INTO ticket (number, subject, status, priority, queue_id, requester_id, language, tags, assignee_id, created_at, updated_at)
     SELECT 'W' || g, split_part(b.body, ' ', 2) || ' ' || split_part(b.body, ' ', 3) || ' #' || g,
            CASE WHEN g % 20 < 5 THEN 'open' WHEN g % 20 < 7 THEN 'pending' WHEN g % 20 < 12 THEN 'resolved' ELSE 'closed' END,
            CASE WHEN g % 10 = 0 THEN 'high' ELSE 'normal' END,
            busy.ids[1 + g % $2::int], requesters.ids[1 + g % 1000], lang.language,
            CASE WHEN g % 3 = 0 THEN '{}'::text[] WHEN g % 3 = 1 THEN ARRAY[($4::text[])[1 + g % 10]]
                 ELSE ARRAY[($4::text[])[1 + g % 10], ($4::text[])[1 + (g % 10 + 1 + (g / 10) % 9) % 10]] END,
            CASE WHEN g % 5 < 3 THEN users.ids[1 + (g / 7) % $3::int] END,
            timestamptz '2025-01-01T00:00:00Z' + g * interval '1 second',
            timestamptz '2025-01-01T00:00:00Z' + g * interval '1 second'
       FROM generate_series(1, $1::int) g CROSS JOIN busy CROSS JOIN requesters CROSS JOIN users
       CROSS JOIN LATERAL (SELECT ($5::text[])[1 + g % 100] AS language) lang
       JOIN bench_body b ON b.language = lang.language AND b.n = (g * 7) % ${BODIES_PER_LANGUAGE}`,
    [options.tickets, busyQueues, options.users, TAGS, wheel],
  );
  step(`${options.tickets} tickets`);
  // Inbound from the requester, the reply from the queue, a note by the assignee (or a specialist), a minute apart.
  await db.query(
    `INSERT INTO article (ticket_id, direction, from_email, subject, body_text, created_at)
     SELECT t.id, k.direction, CASE k.direction WHEN 'inbound' THEN c.email WHEN 'outbound' THEN q.address ELSE 'specialist@casework.test' END,
            t.subject, b.body || ' acct' || (t.g % 100000), t.created_at + k.n * interval '1 minute'
       FROM (SELECT id, subject, language, requester_id, queue_id, created_at, substr(number, 2)::int AS g FROM ticket WHERE number LIKE 'W%') t
       JOIN contact c ON c.id = t.requester_id JOIN queue q ON q.id = t.queue_id
       CROSS JOIN (VALUES (0, 'inbound'), (1, 'outbound'), (2, 'note')) AS k(n, direction)
       JOIN bench_body b ON b.language = t.language AND b.n = (t.g * 13 + k.n * 101) % ${BODIES_PER_LANGUAGE}`,
  );
  step(`${options.tickets * 3} articles`);
  await db.query(`CREATE INDEX ticket_search ON ticket USING gin (search_tokens)`);
  await db.query(`CREATE INDEX article_search ON article USING gin (search_tokens)`);
  step('search indexes');
  // VACUUM too: otherwise autovacuum takes the fresh rows on while they are measured.
  for (const table of ['queue', 'contact', 'app_user', 'ticket', 'article']) await db.query(`VACUUM (ANALYZE) ${table}`);
  step('vacuum and analyze');
  const [busy]: { id: string; slug: string }[] = await db.query(`SELECT id, slug FROM queue WHERE slug = 'queue-01'`);
  // The filtered list's pair: the busiest assignee and tag, the list a specialist opens on their own work.
  const [pair]: { assignee_id: string; tag: string }[] = await db.query(
    `SELECT assignee_id, tags[1] AS tag FROM ticket WHERE assignee_id IS NOT NULL AND cardinality(tags) > 0 GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
  );
  const [{ count }]: { count: number }[] = await db.query(`SELECT count(*)::int AS count FROM article`);
  return { busy, tag: pair.tag, assigneeId: pair.assignee_id, articles: count };
}
