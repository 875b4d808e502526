import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search (issue 14) over ticket subjects and article bodies (inbound, outbound,
 * notes), indexed at write time so no app changes when it writes:
 *
 * - `search_tokens(language, text)`: the text stemmed by its ticket's language
 *   (`search_config`: english, spanish, french, german, russian, arabic; `simple` for zh and hi;
 *   english when unknown) plus overlapping character bigrams of every CJK and Devanagari run
 *   (`search_bigrams`), so Chinese, which has no spaces, and parts of Hindi words are found.
 *   One tsvector and one GIN index per table: no pg_trgm index beside it to keep in step.
 * - `ticket.search_tokens` is a generated column (subject and language on the row itself);
 *   `article.search_tokens` is set by a trigger (its ticket's language), and recomputed when a
 *   ticket's language is learnt later or an article moves to another ticket (merge).
 * - `search_query(term, phrase)`: the query side, one term at a time, OR-ed over every
 *   configuration (the searcher's language is unknown) and the bigrams; built from parameters
 *   by plainto/phraseto_tsquery, so no user text is ever parsed as tsquery syntax.
 *
 * A search ranks the newest 1,000 matches (SearchRepository), found along `article_newest` when
 * the word is common. Bodies are capped at 100,000 characters for indexing (a tsvector holds at most 1 MB). Access
 * is not in the index: it is applied at query time by joining the ticket's queue, so a grant
 * change never needs a reindex. Backfilling existing rows rewrites both tables once.
 */
/** Han, kana, Hangul and Devanagari (a Postgres regex class). */
const PAIRED_SCRIPTS = '[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\u0900-\\u097f]';

export class Search1765910000000 implements MigrationInterface {
  name = 'Search1765910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION search_config(language text) RETURNS regconfig IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
        SELECT CASE language
                 WHEN 'es' THEN 'spanish'::regconfig WHEN 'fr' THEN 'french'::regconfig WHEN 'de' THEN 'german'::regconfig
                 WHEN 'ru' THEN 'russian'::regconfig WHEN 'ar' THEN 'arabic'::regconfig
                 WHEN 'zh' THEN 'simple'::regconfig WHEN 'hi' THEN 'simple'::regconfig
                 ELSE 'english'::regconfig END
      $$`);
    // Han, kana, Hangul and Devanagari runs as overlapping pairs ("威胁信息" → "威胁 胁信 信息"), a lone character as itself.
    await db.query(`
      CREATE FUNCTION search_bigrams(body text) RETURNS text IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
        -- The test first: most mail has no such run, and the pairs' set-returning query costs more than the match.
        SELECT CASE WHEN body !~ '${PAIRED_SCRIPTS}' THEN '' ELSE (
          SELECT coalesce(string_agg(
                   CASE WHEN length(m.run[1]) = 1 THEN m.run[1]
                        ELSE (SELECT string_agg(substr(m.run[1], i, 2), ' ' ORDER BY i) FROM generate_series(1, length(m.run[1]) - 1) i) END,
                   ' '), '')
            FROM regexp_matches(body, '${PAIRED_SCRIPTS}+', 'g') AS m(run)) END
      $$`);
    await db.query(`
      CREATE FUNCTION search_tokens(language text, body text) RETURNS tsvector IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
        SELECT to_tsvector(search_config(language), left(body, 100000)) || to_tsvector('simple'::regconfig, search_bigrams(left(body, 100000)))
      $$`);
    await db.query(`
      CREATE FUNCTION search_query(term text, phrase boolean) RETURNS tsquery IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
        SELECT CASE WHEN pairs = '' THEN words ELSE words || phraseto_tsquery('simple'::regconfig, pairs) END
          FROM (SELECT search_bigrams(term) AS pairs,
                       CASE WHEN phrase THEN
                         phraseto_tsquery('english'::regconfig, term) || phraseto_tsquery('spanish'::regconfig, term) || phraseto_tsquery('french'::regconfig, term)
                         || phraseto_tsquery('german'::regconfig, term) || phraseto_tsquery('russian'::regconfig, term) || phraseto_tsquery('arabic'::regconfig, term)
                         || phraseto_tsquery('simple'::regconfig, term)
                       ELSE
                         plainto_tsquery('english'::regconfig, term) || plainto_tsquery('spanish'::regconfig, term) || plainto_tsquery('french'::regconfig, term)
                         || plainto_tsquery('german'::regconfig, term) || plainto_tsquery('russian'::regconfig, term) || plainto_tsquery('arabic'::regconfig, term)
                         || plainto_tsquery('simple'::regconfig, term)
                       END AS words) AS t
      $$`);

    await db.query(`ALTER TABLE ticket ADD COLUMN search_tokens tsvector GENERATED ALWAYS AS (search_tokens(language, subject)) STORED`);
    await db.query(`CREATE INDEX ticket_search ON ticket USING gin (search_tokens)`);

    await db.query(`ALTER TABLE article ADD COLUMN search_tokens tsvector`);
    await db.query(`
      CREATE FUNCTION article_search_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_tokens := search_tokens((SELECT language FROM ticket WHERE id = NEW.ticket_id), NEW.body_text);
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER article_search_tokens BEFORE INSERT OR UPDATE OF body_text, ticket_id ON article FOR EACH ROW EXECUTE FUNCTION article_search_tokens()`);
    await db.query(`
      CREATE FUNCTION ticket_language_reindex() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE article SET search_tokens = search_tokens(NEW.language, body_text) WHERE ticket_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER ticket_language_reindex AFTER UPDATE OF language ON ticket
        FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION ticket_language_reindex()`);
    await db.query(`UPDATE article a SET search_tokens = search_tokens(t.language, a.body_text) FROM ticket t WHERE t.id = a.ticket_id`);
    await db.query(`CREATE INDEX article_search ON article USING gin (search_tokens)`);
    // A common word's newest matches are read along this index instead of ranking every match.
    await db.query(`CREATE INDEX article_newest ON article (created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX article_newest`);
    await db.query(`DROP TRIGGER ticket_language_reindex ON ticket`);
    await db.query(`DROP FUNCTION ticket_language_reindex()`);
    await db.query(`DROP TRIGGER article_search_tokens ON article`);
    await db.query(`DROP FUNCTION article_search_tokens()`);
    await db.query(`ALTER TABLE article DROP COLUMN search_tokens`);
    await db.query(`ALTER TABLE ticket DROP COLUMN search_tokens`);
    await db.query(`DROP FUNCTION search_query(text, boolean)`);
    await db.query(`DROP FUNCTION search_tokens(text, text)`);
    await db.query(`DROP FUNCTION search_bigrams(text)`);
    await db.query(`DROP FUNCTION search_config(text)`);
  }
}
