/** TanStack Query keys shared by the views that read and the ones that change. */
export const ticketKey = (id: string) => ['ticket', id] as const;
export const TICKET_LISTS = ['tickets'] as const;
