import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index';
import { fakeApi, renderAt, user } from './people-test-kit';
import { UserTokens } from './users/user-tokens';

const SAM = user();
const SECRET = 'cw_the-secret-shown-once';

describe('a user’s tokens', () => {
  afterEach(() => setLocale('en'));

  it('shows a new token once in a read-only field, keeps it out of the cache and storage, and forgets it when done', async () => {
    let listed: unknown[] = [];
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === `/users/${SAM.id}/tokens`) return { status: 200, body: { items: listed } };
      if (method === 'POST' && path === `/users/${SAM.id}/tokens`) {
        listed = [{ id: 't1', name: 'laptop', expiresAt: null, createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null }];
        return { status: 201, body: { id: 't1', name: 'laptop', token: SECRET, expiresAt: null, createdAt: '2026-01-01T00:00:00.000Z' } };
      }
    });
    const { client } = renderAt(<UserTokens userId={SAM.id} />, '/');
    await screen.findByText('No live tokens.');
    fireEvent.change(screen.getByLabelText('Token name'), { target: { value: 'laptop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue token' }));

    const field = (await screen.findByLabelText('Token')) as HTMLInputElement;
    expect(field.value).toBe(SECRET);
    expect(field.readOnly).toBe(true);
    expect(screen.getByText('Copy it now: it will not be shown again.')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: 'laptop' });
    // The list refreshed shows the token by name, never its secret.
    await screen.findByRole('button', { name: 'Revoke token laptop' });
    const cached = JSON.stringify([client.getQueryCache().getAll().map((query) => query.state.data), client.getMutationCache().getAll().map((mutation) => [mutation.state.data, mutation.state.variables])]);
    expect(cached).not.toContain(SECRET);
    expect(localStorage.length + sessionStorage.length).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('Token')).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('revokes a token by its id and lists what is left', async () => {
    let listed = [{ id: 't1', name: 'laptop', expiresAt: null, createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: '2026-01-02T00:00:00.000Z' }];
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === `/users/${SAM.id}/tokens`) return { status: 200, body: { items: listed } };
      if (method === 'DELETE' && path === '/tokens/t1') {
        listed = [];
        return { status: 204 };
      }
    });
    renderAt(<UserTokens userId={SAM.id} />, '/');
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke token laptop' }));
    await screen.findByText('No live tokens.');
    expect(calls.some((call) => call.method === 'DELETE' && call.path === '/tokens/t1')).toBe(true);
  });

  it('shows the API’s 400 next to the field it names', async () => {
    fakeApi(({ method }) => {
      if (method === 'GET') return { status: 200, body: { items: [] } };
      return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Validation failed: expiresAt', fields: { expiresAt: ['expiresAt must be in the future'] } } };
    });
    renderAt(<UserTokens userId={SAM.id} />, '/');
    fireEvent.change(await screen.findByLabelText('Token name'), { target: { value: 'old' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue token' }));
    await screen.findByRole('alert');
    const expires = screen.getByLabelText('Expires (optional)');
    await waitFor(() => expect(expires.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(expires.getAttribute('aria-describedby')!)?.textContent).toBe('expiresAt must be in the future');
  });
});
