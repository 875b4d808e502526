import { isUuid } from '../common/uuid.util.js';

/** A position in the quarantine list: strictly after this (quarantinedAt, id) pair. */
export interface QuarantineCursor {
  quarantinedAt: Date;
  id: string;
}

const SEPARATOR = '|';
const MAX_CURSOR_LENGTH = 200;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to clients: base64url of `<quarantinedAt ISO>|<id>`. */
export function encodeQuarantineCursor(position: QuarantineCursor): string {
  return Buffer.from(`${position.quarantinedAt.toISOString()}${SEPARATOR}${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null for anything this API did not hand out. */
export function decodeQuarantineCursor(cursor: string): QuarantineCursor | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(SEPARATOR);
  if (rest.length > 0 || !iso || !id || !ISO_8601.test(iso) || !isUuid(id)) return null;
  const quarantinedAt = new Date(iso);
  if (Number.isNaN(quarantinedAt.getTime()) || quarantinedAt.toISOString() !== iso) return null;
  return { quarantinedAt, id };
}
