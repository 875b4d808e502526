/**
 * The rows of a multi-row VALUES: `($1::uuid, $2, …), ($3::uuid, $4, …)`, one cast per column
 * ('' for none). Many rows in one statement with plain parameters: unlike unnest over arrays,
 * node-postgres then sends text as is and bytea as binary, where array literals would have to
 * be escaped (and, for bytea, hex-encoded) by the client and parsed again by the server.
 */
export function valuesRows(rows: number, casts: readonly string[]): string {
  const width = casts.length;
  return Array.from({ length: rows }, (_, row) => `(${casts.map((cast, column) => `$${row * width + column + 1}${cast ? `::${cast}` : ''}`).join(', ')})`).join(', ');
}
