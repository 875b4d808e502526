export * from './workspace/tags.js';
export * from './workspace/assignment.js';
export * from './workspace/collision.js';
export * from './workspace/auto-assign.js';
