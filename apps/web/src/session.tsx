import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { api, ApiError } from './api/client';

export interface Me {
  id: string;
  name: string;
  email: string;
  role: string;
  locale: string;
  timeZone: string;
  /** The role's rights beyond tickets (e.g. `users:manage`): what the page offers, the API still decides. */
  capabilities: string[];
}

interface SessionState {
  me: Me | null;
  loading: boolean;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Whether the browser holds a live session cookie: /me answers the user, or 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
  // Another user's (or no one's) data must not linger; the `me` query itself stays observed.
  const forgetAllButMe = () => client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  const state: SessionState = {
    me: me.data ?? null,
    loading: me.isPending,
    // The token goes to the exchange and nowhere else: no state, no storage.
    async signIn(token) {
      await api('/sessions', 'POST', { token });
      forgetAllButMe();
      await me.refetch();
    },
    async signOut() {
      await api('/sessions', 'DELETE').catch(() => undefined);
      client.setQueryData(['me'], null);
      forgetAllButMe();
    },
  };
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
