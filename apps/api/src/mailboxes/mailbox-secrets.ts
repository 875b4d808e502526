/** Injection token of the API's SecretBox (null when MAILBOX_SECRET_KEY is unset). */
export const MAILBOX_SECRETS = Symbol('MAILBOX_SECRETS');
