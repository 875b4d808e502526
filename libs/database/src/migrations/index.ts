import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';

/** Every migration, oldest first. A new one is appended, never edited once landed. */
export const MIGRATIONS = [InitialSchema1764000000000];
