import type { ArticleDirection } from './ticket.repository.js';
import type { Db } from '../db.js';
import type { SqlStatement } from './ticket-read.repository.js';

/** One parsed term (libs/domain ParsedSearch): text only; the database builds its tsquery. */
export interface SearchTermInput {
  text: string;
  phrase: boolean;
}

export interface SearchFilter {
  include: SearchTermInput[];
  exclude: SearchTermInput[];
  /** Lower-cased sender addresses (an article's from, a subject's requester). */
  from: string[];
  /** The ticket carries all of these. */
  tags: string[];
  /** Only tickets of these queues (those the caller sees in full); absent: every queue. */
  queueIds?: string[];
  queueId?: string;
  status?: string;
  limit: number;
  /** Exclusive position in rank order: after this (rank, ticket id). */
  after?: { rank: number; ticketId: string };
}

/** The best-ranked document of one ticket: its subject (article null) or one article. */
export interface SearchHit {
  ticketId: string;
  queueId: string;
  rank: number;
  article: { id: string; direction: ArticleDirection; createdAt: Date } | null;
  /** ts_headline of the document with matches between HIGHLIGHT_START and HIGHLIGHT_END, not yet HTML-escaped. */
  headline: string;
  /** The document's first characters when the headline marks nothing (scripts the headline parser does not split). */
  plain: string | null;
}

/** Private-use characters: stripped from the text first, so only the headline's marks carry them. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';
/** The headline reads this much of a body: its cost grows with the text (≈ 15 ms for 20,000 characters), and matches sit near the top of mail. */
const PLAIN_LENGTH = 5000;
/**
 * Ranked among the newest this many matching articles (and as many subjects) the caller may
 * see: a word in half the mail would otherwise rank hundreds of thousands of rows per request.
 * A rarer word is ranked over all its matches; a common one finds the recent cases, and more
 * words narrow it.
 */
export const SEARCH_CANDIDATES = 1000;
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over ticket subjects and article bodies (migration 1765910000000): the newest
 * SEARCH_CANDIDATES documents matching the terms, filtered by the ticket's queue (access, decided
 * by the caller's scope at query time), status and tags, the best-ranked document per ticket,
 * ranked, keyset paged by (rank, ticket id); headlines only for the page's rows.
 */
export class SearchRepository {
  async search(db: Db, filter: SearchFilter): Promise<SearchHit[]> {
    const { sql, params } = this.searchQuery(filter);
    const rows: Record<string, unknown>[] = await db.query(sql, params);
    return rows.map((row) => ({
      ticketId: row.ticket_id as string,
      queueId: row.queue_id as string,
      rank: Number(row.rank),
      article: row.article_id ? { id: row.article_id as string, direction: row.direction as ArticleDirection, createdAt: row.article_created_at as Date } : null,
      headline: (row.headline as string | null) ?? '',
      plain: (row.plain as string | null) ?? null,
    }));
  }

  /**
   * The statement of `search`. The terms are parameters, each made a tsquery by
   * search_query($n, phrase) — plainto/phraseto_tsquery over every configuration — and combined
   * with && and !!; the SQL's shape depends only on how many terms there are.
   */
  searchQuery(filter: SearchFilter): SqlStatement {
    if (filter.include.length === 0) throw new Error('search needs at least one included term');
    const params: unknown[] = [];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const termQuery = (term: SearchTermInput) => `search_query(${add(term.text)}::text, ${term.phrase ? 'true' : 'false'})`;
    const query = [...filter.include.map(termQuery), ...filter.exclude.map((term) => `!!${termQuery(term)}`)].join(' && ');

    const ticketWhere: string[] = [];
    if (filter.queueIds) ticketWhere.push(`t.queue_id = ANY(${add(filter.queueIds)}::uuid[])`);
    if (filter.queueId) ticketWhere.push(`t.queue_id = ${add(filter.queueId)}::uuid`);
    if (filter.status) ticketWhere.push(`t.status = ${add(filter.status)}`);
    if (filter.tags.length) ticketWhere.push(`t.tags @> ${add(filter.tags)}::text[]`);
    const from = filter.from.length ? add(filter.from) : null;
    const after = filter.after ? `WHERE (rank, ticket_id) < (${add(filter.after.rank)}::real, ${add(filter.after.ticketId)}::uuid)` : '';
    const limit = add(filter.limit);
    const ticketFilter = ticketWhere.map((condition) => ` AND ${condition}`).join('');

    // The tsquery is written out where it is used, not read from a CTE: with its parameters
    // known, the planner folds it to a constant and estimates how many rows match, so a rare
    // word is read through the GIN index and a common one along the newest-first index.
    const sql = `
      WITH candidate AS (
        (SELECT a.ticket_id, a.id AS article_id, ts_rank(a.search_tokens, ${query}) AS rank
           FROM article a JOIN ticket t ON t.id = a.ticket_id
          WHERE a.search_tokens @@ (${query})${ticketFilter}${from ? ` AND lower(a.from_email) = ANY(${from}::text[])` : ''}
          ORDER BY a.created_at DESC LIMIT ${SEARCH_CANDIDATES})
        UNION ALL
        -- A subject counts twice an article's rank: it names the case.
        (SELECT t.id, NULL, ts_rank(t.search_tokens, ${query}) * 2::real
           FROM ticket t
          WHERE t.search_tokens @@ (${query})${ticketFilter}${from ? ` AND EXISTS (SELECT 1 FROM contact c WHERE c.id = t.requester_id AND lower(c.email) = ANY(${from}::text[]))` : ''}
          ORDER BY t.created_at DESC LIMIT ${SEARCH_CANDIDATES})
      ),
      best AS (
        SELECT DISTINCT ON (ticket_id) ticket_id, article_id, rank FROM candidate ORDER BY ticket_id, rank DESC, article_id NULLS FIRST
      ),
      page AS (SELECT * FROM best ${after} ORDER BY rank DESC, ticket_id DESC LIMIT ${limit}),
      shown AS (
        SELECT p.ticket_id, t.queue_id, p.rank, p.article_id, a.direction, a.created_at AS article_created_at, t.language,
               replace(replace(CASE WHEN a.id IS NULL THEN t.subject ELSE left(a.body_text, ${PLAIN_LENGTH}) END, U&'\\E000', ''), U&'\\E001', '') AS text
          FROM page p JOIN ticket t ON t.id = p.ticket_id LEFT JOIN article a ON a.id = p.article_id
      ),
      headlined AS (
        SELECT s.*, ts_headline(search_config(s.language), s.text, ${query}, '${HEADLINE_OPTIONS}') AS headline FROM shown s
      )
      SELECT ticket_id, queue_id, rank, article_id, direction, article_created_at, headline,
             CASE WHEN strpos(headline, U&'\\E000') = 0 THEN text END AS plain
        FROM headlined ORDER BY rank DESC, ticket_id DESC`;
    return { sql, params };
  }
}
