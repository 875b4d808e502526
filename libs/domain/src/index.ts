export * from './auto-reply.js';
export * from './domain-error.js';
export * from './sla.js';
export * from './threading.js';
export * from './ticket-number.js';
export * from './ticket-status.js';
export * from './reply-locale.js';
export * from './ticket-placement.js';
