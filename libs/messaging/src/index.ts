export * from './jetstream-publisher.js';
export * from './jetstream.server.js';
export * from './messaging.module.js';
export * from './nats-connection.js';
export * from './outbox-relay.js';
export * from './unit-of-work.js';
export * from './bootstrap-worker.js';
export * from './periodic-task.js';
