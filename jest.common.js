// Shared by jest.config.js and jest.corpus.config.js. Jest runs in native ESM mode
// (NestJS 12 ships ESM only): package.json's scripts set --experimental-vm-modules.
export const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@casework/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
