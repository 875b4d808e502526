/** Injection token of the routing service's validated settings. */
export const ROUTING_SETTINGS = Symbol('ROUTING_SETTINGS');
