/**
 * Evidence (issue 15), pure. The pieces live in ./evidence/:
 * - legal-hold.ts: which holds are active, what they refuse, where a new one may be placed
 * - retention.ts: what a purge may take, deletion's refusals, the tombstone, an erased person's pseudonym
 */
export * from './evidence/legal-hold.js';
export * from './evidence/retention.js';
