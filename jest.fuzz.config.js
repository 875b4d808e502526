// The MIME fuzz: mutated corpus mail through the real parser pool and routing. Needs the
// corpus (CORPUS_DIR, default ../shared/corpus): kept apart from `npm test`.
import { common } from './jest.common.js';

export default {
  testTimeout: 1_800_000,
  projects: [{ ...common, displayName: 'fuzz', testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'] }],
};
