// The chaos suite: the whole suite on private servers (its own PostgreSQL cluster included)
// while services are SIGKILLed and servers restarted. Several minutes: kept apart from `npm test`.
import { common } from './jest.common.js';

export default {
  testTimeout: 1_800_000,
  projects: [{ ...common, displayName: 'chaos', testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'] }],
};
