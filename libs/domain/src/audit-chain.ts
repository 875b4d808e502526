import { createHash } from 'node:crypto';

/**
 * The audit trail is a hash chain: each event's hash covers its own fields and the hash of the
 * event before it, so changing, removing or reordering a stored event breaks every link from
 * there on. `node:crypto` is used for SHA-256 only: a pure computation, no I/O.
 */

/** The `prevHash` of the first event: nothing came before it. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * Every stored field of an audit event that its hash covers: all but `hash` itself and `seq`
 * (the chain's order, which `prevHash` already fixes; a sequence may have gaps).
 */
export interface ChainedAuditEvent {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  ticketIds: string[];
  queueId: string | null;
  subject: string;
  /** Changed fields before → after; never bodies or secrets. */
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
}

/** `sha256_hex(prevHash || canonicalJson(event))`, over the UTF-8 bytes. */
export function auditEventHash(event: ChainedAuditEvent): string {
  const fields: Record<keyof ChainedAuditEvent, unknown> = {
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    ticketIds: event.ticketIds,
    queueId: event.queueId,
    subject: event.subject,
    details: event.details,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    prevHash: event.prevHash,
  };
  // Only the listed fields: a row read back with extra columns (seq, hash) hashes the same.
  return createHash('sha256').update(event.prevHash + canonicalJson(fields), 'utf8').digest('hex');
}

/**
 * One spelling for every JSON value, whatever order its keys were built in: keys sorted (by
 * UTF-16 code units), no whitespace, dates as ISO strings, and otherwise what JSON.stringify
 * writes — the value as stored in jsonb and read back. This is RFC 8785 (JCS) for the values
 * an audit event holds, so a verifier outside Node can recompute a hash.
 */
export function canonicalJson(value: unknown): string {
  // The JSON round trip applies toJSON (Date → ISO) and drops what JSON has no room for
  // (undefined members, functions), exactly as storing the value does.
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  return serialise(plain);
}

function serialise(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = value as Record<string, unknown>;
    // Written by hand: an object rebuilt in sorted order would still list integer-like keys first.
    return `{${Object.keys(members)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${serialise(members[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
