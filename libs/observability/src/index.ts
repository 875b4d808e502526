export * from './health.js';
export * from './logger.js';
export * from './metrics.js';
export * from './logger.module.js';
export * from './ops-metrics.js';
