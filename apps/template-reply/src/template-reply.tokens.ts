/** Injection tokens of the template-reply service. */
export const TEMPLATE_REPLY_SETTINGS = Symbol('TEMPLATE_REPLY_SETTINGS');
