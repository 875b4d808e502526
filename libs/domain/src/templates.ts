export * from './templates/choose-template.js';
export * from './templates/stored-template.js';
export * from './templates/template-catalog.js';
export * from './templates/template-context.js';
export * from './templates/template-locale.js';
export * from './templates/answer-context.js';
