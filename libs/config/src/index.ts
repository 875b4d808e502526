export * from './load-config.js';
export * from './settings.js';
export * from './secret-box.js';
export * from './dkim.js';
export * from './export-signing-key.js';
