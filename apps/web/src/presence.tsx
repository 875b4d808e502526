import { useEffect } from 'react';
import { api } from './api/client';
import type { TicketDetail } from './api/types';
import { t } from './i18n/index';
import { useSession } from './session';

/** A heartbeat well inside the API's presence lifetime (PRESENCE_TTL_SECONDS, 30 s by default). */
const HEARTBEAT_MS = 10_000;

/** Tells the API this page shows the ticket (`replying` while a reply is being written), now, on each change and every few seconds. */
export function usePresence(ticketId: string, replying: boolean): void {
  useEffect(() => {
    const state = replying ? 'replying' : 'viewing';
    const beat = () => void api(`/tickets/${ticketId}/presence`, 'POST', { state }).catch(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [ticketId, replying]);
}

/** "<name> is viewing" / "<name> is replying" for everyone else on the ticket (the ticket refreshes on presence events). */
export function Viewers({ viewers }: { viewers: TicketDetail['viewers'] }) {
  const { me } = useSession();
  const others = viewers.filter((viewer) => viewer.user.id !== me?.id);
  return (
    <p className="presence" role="status" aria-live="polite">
      {others.map((viewer) => (
        <span key={viewer.user.id} className={`badge ${viewer.state}`}>
          {t(viewer.state === 'replying' ? 'presence.replying' : 'presence.viewing', { name: viewer.user.name })}
        </span>
      ))}
    </p>
  );
}
