// The corpus suite: real third-party mail from CORPUS_DIR (default ../shared/corpus).
// Kept apart from `npm test`, which must pass on a fresh clone without the corpus.
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@casework/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  projects: [{ ...common, displayName: 'corpus', testMatch: ['<rootDir>/{apps,libs,test}/**/*.corpus-spec.ts'], testTimeout: 600000 }],
};
