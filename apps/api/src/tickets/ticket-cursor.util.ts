import { isUuid } from '../common/uuid.util.js';

/** A position in the newest-first ticket list: strictly after this (createdAt, id) pair. */
export interface TicketCursor {
  createdAt: Date;
  id: string;
}

const SEPARATOR = '|';
const MAX_CURSOR_LENGTH = 200;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to clients: base64url of `<createdAt ISO>|<id>`. */
export function encodeTicketCursor(position: TicketCursor): string {
  return Buffer.from(`${position.createdAt.toISOString()}${SEPARATOR}${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null for anything this API did not hand out. */
export function decodeTicketCursor(cursor: string): TicketCursor | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(SEPARATOR);
  if (rest.length > 0 || !iso || !id || !ISO_8601.test(iso) || !isUuid(id)) return null;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) return null;
  return { createdAt, id };
}
