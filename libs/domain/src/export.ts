/**
 * Case export, pure (issue 15, part 2). The pieces live in ./export/:
 * - entry-names.ts: the zip's entry names (numbered, hashed, sanitised: nothing collides or escapes)
 * - export-plan.ts: which stored bytes become which numbered entry
 * - manifest.ts: MANIFEST.sha256 (`sha256sum -c` format), its parse, and the verdict on an archive
 */
export * from './export/entry-names.js';
export * from './export/manifest.js';
export * from './export/export-plan.js';
