/**
 * Collision warnings: a reply or note written against the ticket as it was when the writer
 * last looked (`ifLastArticleId`). Articles added since mean someone else answered or noted
 * meanwhile; the write is refused and the writer shown what is new, so the requester never
 * gets two answers at once.
 */
export type CollisionCheck<A> = { changed: false } | { changed: true; newArticles: A[] } | { unknownArticle: true };

/** `articles` oldest first. */
export function articlesSince<A extends { id: string }>(articles: readonly A[], lastArticleId: string): CollisionCheck<A> {
  const index = articles.findIndex((article) => article.id.toLowerCase() === lastArticleId.toLowerCase());
  if (index < 0) return { unknownArticle: true };
  const newer = articles.slice(index + 1);
  return newer.length === 0 ? { changed: false } : { changed: true, newArticles: newer };
}
