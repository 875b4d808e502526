import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../session';
import { AuditPage } from '../audit-page';
import type { AuditEvent } from '../config-types';

const event = (id: string, email: string, actorId: string): AuditEvent => ({ id, at: '2026-03-01T10:00:00Z', actor: { id: actorId, email }, action: 'rule.created', ticketId: null, ticketIds: [], queueId: null, subject: `rule:${id}`, details: { name: id } });
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('the audit page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('loads the next page after the last, and narrows to one actor from a row', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        if (url.startsWith('/api/v1/queues')) return json({ items: [] });
        if (url === '/api/v1/me') return json({ id: 'u-ada', name: 'Ada', email: 'ada@admins.test', role: 'admin', locale: 'en', timeZone: 'UTC', capabilities: ['audit:read', 'audit:read-all'] });
        const query = new URL(url, 'http://x').searchParams;
        if (query.get('actorId')) return json({ items: [event('e9', 'ada@admins.test', 'u-ada')], nextCursor: null });
        return query.get('cursor') === 'c1' ? json({ items: [event('e2', 'ada@admins.test', 'u-ada')], nextCursor: null }) : json({ items: [event('e1', 'lena@leads.test', 'u-lena')], nextCursor: 'c1' });
      }),
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SessionProvider>
          <MemoryRouter>
            <AuditPage />
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>,
    );
    await screen.findByText('rule:e1');
    // An admin's trail is the whole trail: no note that it is a share of it.
    await waitFor(() => expect(screen.queryByText(/admins see every event/)).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('rule:e2');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    const row = screen.getByText('rule:e2').closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /only theirs/ }));
    await screen.findByText('rule:e9');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect((screen.getByLabelText('Actor id') as HTMLInputElement).value).toBe('u-ada');
    expect(asked.filter((url) => url.startsWith('/api/v1/audit')).map((url) => new URL(url, 'http://x').search)).toEqual(['?limit=50', '?limit=50&cursor=c1', '?limit=50&actorId=u-ada']);
  });
});
