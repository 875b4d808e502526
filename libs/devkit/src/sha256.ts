import { createHash } from 'node:crypto';

/** Hex SHA-256: the digest the services record for raw mail and attachments. */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
