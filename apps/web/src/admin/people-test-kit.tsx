import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { SessionProvider } from '../session';

// No globals in this Vitest setup, so Testing Library cannot unmount by itself between tests.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** One request the page made: what the fake API saw. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
}

type Handler = (call: Call) => { status: number; body?: unknown } | undefined;

/**
 * A fake API for the admin pages' component tests: `handle` answers by method and path (an
 * unanswered request is a 404), and every call is kept for the test to assert on.
 */
export function fakeApi(handle: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call: Call = { method: init.method ?? 'GET', path: String(url).replace(/^\/api\/v1/, ''), body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
      calls.push(call);
      const answer = call.path === '/me' ? { status: 200, body: ME } : (handle(call) ?? { status: 404, body: { message: `no fake for ${call.method} ${call.path}` } });
      return answer.status === 204 ? new Response(null, { status: 204 }) : new Response(JSON.stringify(answer.body ?? null), { status: answer.status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

export const ME = { id: 'me-0000', name: 'Ada Admin', email: 'ada@example.org', role: 'admin', locale: 'en', timeZone: 'UTC', capabilities: ['users:manage', 'queues:manage', 'mailboxes:manage'] };

/** Renders `element` at `path` (matched by `route`) with a fresh query client and the session. */
export function renderAt(element: ReactNode, path: string, route = '*') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <SessionProvider>
          <Routes>
            <Route path={route} element={element} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...view, client };
}

export const user = (over: Partial<Record<string, unknown>> = {}) => ({
  id: '11111111-1111-4111-8111-111111111111',
  email: 'sam@example.org',
  name: 'Sam Specialist',
  role: 'specialist',
  locale: 'en',
  timeZone: 'UTC',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: null,
  ...over,
});
