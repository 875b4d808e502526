// The composer lives in ./composer/; the ticket view imports it from here.
export { Composer, type ComposerProps } from './composer/composer';
