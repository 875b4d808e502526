import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditQuery, NO_AUDIT_FILTER } from './audit-filters';
import { VerifyChain } from './verify-chain';

describe('the audit page parts', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks for the filters set, the instant a local time names, and the next page', () => {
    const query = new URLSearchParams(auditQuery({ ...NO_AUDIT_FILTER, action: ' rule.created ', since: '2026-03-01T10:00' }, 'abc', 25));
    expect(query.get('action')).toBe('rule.created');
    expect(query.get('since')).toBe(new Date('2026-03-01T10:00').toISOString());
    expect(query.get('cursor')).toBe('abc');
    expect(query.get('limit')).toBe('25');
    expect(query.has('actorId')).toBe(false);
  });

  it('says where the chain breaks when the API finds a broken link', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: false, checked: 12, firstBrokenId: 'ev-7' }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const onVerdict = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <VerifyChain onVerdict={onVerdict} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('broken at event ev-7 (12 events checked)'));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/audit/verify', expect.objectContaining({ method: 'GET' }));
    expect(onVerdict.mock.calls[0][0]).toMatchObject({ ok: false, firstBrokenId: 'ev-7' });
  });
});
