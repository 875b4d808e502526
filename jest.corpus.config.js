// The corpus suite: real third-party mail from CORPUS_DIR (default ../shared/corpus).
// Kept apart from `npm test`, which must pass on a fresh clone without the corpus.
import { common } from './jest.common.js';

export default {
  testTimeout: 600000,
  projects: [{ ...common, displayName: 'corpus', testMatch: ['<rootDir>/{apps,libs,test}/**/*.corpus-spec.ts']}],
};
