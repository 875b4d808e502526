/**
 * Evidence (issue 15), pure. The pieces live in ./evidence/:
 * - legal-hold.ts: which holds are active, what they refuse, where a new one may be placed
 */
export * from './evidence/legal-hold.js';
