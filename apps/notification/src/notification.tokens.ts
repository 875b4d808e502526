/** Injection token of the notification service's validated settings. */
export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');
