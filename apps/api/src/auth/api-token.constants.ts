/** Injection token of the bearer token every non-public route requires. */
export const API_TOKEN = Symbol('API_TOKEN');
