const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that could name a row; anything else cannot exist and is reported as not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
