// The clustered chaos suite: a three-node NATS cluster, two replicas of every service, a private
// PostgreSQL, while nodes, replicas and the database fail. Many minutes: kept apart from `npm test`.
import { common } from './jest.common.js';

export default {
  testTimeout: 1_800_000,
  projects: [{ ...common, displayName: 'chaos-cluster', testMatch: ['<rootDir>/test/chaos-cluster/**/*.chaos-spec.ts'] }],
};
