import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { API_BASE } from './api/client';
import { TICKET_LISTS, ticketKey } from './api/query-keys';

/** The `/events` names whose arrival changes what a list or a ticket shows (presence: the ticket only, below). */
const TICKET_EVENTS = [
  'ticket.opened',
  'ticket.followup',
  'ticket.status_changed',
  'ticket.priority_changed',
  'ticket.not_spam',
  'ticket.note_added',
  'ticket.assigned',
  'ticket.tags_changed',
  'ticket.merged',
  'ticket.split',
  'reply.sent',
  'reply.failed',
  'sla.warning',
  'sla.breached',
];

/** Events arriving within this long refresh the lists once. */
const LIST_REFRESH_MS = 300;

/**
 * Keeps the open lists and tickets current from the API's event stream (same origin: the
 * session cookie goes with it): a ticket event refreshes the lists and that ticket. EventSource
 * reconnects by itself, sending Last-Event-ID, so nothing is missed across a drop.
 */
export function useLiveUpdates(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/events`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEvent = (event: MessageEvent<string>) => {
      const ticketId = readTicketId(event.data);
      if (ticketId) void client.invalidateQueries({ queryKey: ticketKey(ticketId) });
      timer ??= setTimeout(() => {
        timer = undefined;
        void client.invalidateQueries({ queryKey: TICKET_LISTS });
      }, LIST_REFRESH_MS);
    };
    for (const name of TICKET_EVENTS) source.addEventListener(name, onEvent);
    // Someone opened, left or began answering a ticket: only that ticket's view changes.
    source.addEventListener('ticket.presence', (event: MessageEvent<string>) => {
      const ticketId = readTicketId(event.data);
      if (ticketId) void client.invalidateQueries({ queryKey: ticketKey(ticketId) });
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [client, enabled]);
}

function readTicketId(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { ticketId?: unknown };
    return typeof parsed.ticketId === 'string' ? parsed.ticketId : null;
  } catch {
    return null;
  }
}
