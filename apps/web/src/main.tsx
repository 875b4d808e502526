import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { App } from './app';
import { listBaseAt } from './list-routes';
import { listApiQuery } from './ticket-filters';
import { ticketListQuery } from './ticket-list';
import { SessionProvider } from './session';
import './styles.css';

/** A 401 anywhere means the session ended (signed out elsewhere, token revoked, idle): back to sign-in. */
function onError(error: Error): void {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(['me'], null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    // A refusal or a missing ticket will not change by asking again.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, refetchOnWindowFocus: true },
  },
});

/**
 * The list the page opens on starts loading beside /me, not after it (the routes render once the
 * session is known): a reload of a queue shows its rows one round trip sooner. Signed out, it
 * answers 401 like /me does.
 */
function prefetchFirstList(): void {
  const base = listBaseAt(location.pathname);
  if (base) void queryClient.prefetchInfiniteQuery(ticketListQuery(listApiQuery(base, new URLSearchParams(location.search))));
}
prefetchFirstList();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
