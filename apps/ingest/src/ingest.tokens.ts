/** Injection token of the ingest service's validated settings. */
export const INGEST_SETTINGS = Symbol('INGEST_SETTINGS');
