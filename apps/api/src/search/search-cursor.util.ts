import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';

/** A position in rank order: after this (rank, ticket id). Opaque to clients: base64url of `<rank>|<id>`. */
export interface SearchPosition {
  rank: number;
  ticketId: string;
}

export function encodeSearchCursor(position: SearchPosition): string {
  return Buffer.from(`${position.rank}|${position.ticketId}`, 'utf8').toString('base64url');
}

/** The position of an optional cursor; one this API did not hand out is a 400 naming `cursor`. */
export function searchPositionAfter(cursor: string | undefined): SearchPosition | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () => new DomainError('InvalidCursor', 'invalid cursor', { cursor: ['cursor is not a cursor this API issued'] });
  if (cursor.length === 0 || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const [rank, ticketId, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // A rank is a real (float4): finite and non-negative, printed back exactly as Postgres gave it.
  if (rest.length > 0 || !rank || !/^\d+(\.\d+)?(e-?\d+)?$/.test(rank) || !Number.isFinite(Number(rank)) || !ticketId || !isUuid(ticketId)) throw invalid();
  return { rank: Number(rank), ticketId };
}
