import { matchPath } from 'react-router';

/**
 * The two list pages and what each lists. The routes (app.tsx), the list itself (ticket-list.tsx)
 * and the first load's prefetch beside /me (main.tsx) all read them here.
 */
export const QUEUE_LIST_PATH = '/queues/:slug';
export const MY_LIST_PATH = '/mine';

/** The part of a list's `GET /tickets` query its page fixes: a queue, or the caller's own tickets. */
export type ListBase = Record<string, string>;

export function listBaseOf(list: { mine: true } | { slug: string }): ListBase {
  return 'mine' in list ? { assignee: 'me' } : { queue: list.slug };
}

/** The list a page address opens on ('/' goes to the caller's own), or null for any other page. */
export function listBaseAt(pathname: string): ListBase | null {
  const queue = matchPath(QUEUE_LIST_PATH, pathname);
  // The router decodes the address before it matches (useParams gives decoded values); matchPath alone does not.
  if (queue) return listBaseOf({ slug: decoded(queue.params.slug ?? '') });
  return pathname === '/' || matchPath(MY_LIST_PATH, pathname) ? listBaseOf({ mine: true }) : null;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
