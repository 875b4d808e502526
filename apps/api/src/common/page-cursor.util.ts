import { DomainError } from '@casework/domain';
import { isUuid } from './uuid.util.js';

/** A position in a newest-first list: strictly after this (time, id) pair. */
export interface PagePosition {
  at: Date;
  id: string;
}

const SEPARATOR = '|';
const MAX_CURSOR_LENGTH = 200;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to clients: base64url of `<ISO time>|<id>`. */
export function encodePageCursor(position: PagePosition): string {
  return Buffer.from(`${position.at.toISOString()}${SEPARATOR}${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null for anything this API did not hand out. */
export function decodePageCursor(cursor: string): PagePosition | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(SEPARATOR);
  if (rest.length > 0 || !iso || !id || !ISO_8601.test(iso) || !isUuid(id)) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso) return null;
  return { at, id };
}

/** The position of an optional cursor query parameter; a cursor we did not issue is a 400 naming `cursor`. */
export function positionAfter(cursor: string | undefined): PagePosition | undefined {
  if (cursor === undefined) return undefined;
  const position = decodePageCursor(cursor);
  if (!position) throw new DomainError('InvalidCursor', 'invalid cursor', { cursor: ['cursor is not a cursor this API issued'] });
  return position;
}

/**
 * One page of `rows` read with `limit + 1` (the extra row only says another page exists) and
 * the cursor of the next, from the last row's position.
 */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => PagePosition): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodePageCursor(positionOf(last)) : null };
}
