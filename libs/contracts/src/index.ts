export * from './events.js';
export * from './subjects.js';
