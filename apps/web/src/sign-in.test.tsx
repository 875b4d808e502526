import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderAt } from './admin/people-test-kit';
import { setLocale } from './i18n/index';
import { SignIn } from './sign-in';

describe('the sign-in page', () => {
  afterEach(() => setLocale('en'));

  it('offers single sign-on above the token form when the API has it', async () => {
    fakeApi(({ path }) => (path === '/sessions/methods' ? { status: 200, body: { token: true, oidc: true } } : undefined));
    renderAt(<SignIn />, '/');
    const sso = await screen.findByRole('link', { name: 'Sign in with single sign-on' });
    expect(sso.getAttribute('href')).toBe('/api/v1/sessions/oidc');
    const form = screen.getByRole('button', { name: 'Sign in' }).closest('form')!;
    expect(sso.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByLabelText('API token')).toBeTruthy();
  });

  it('shows the token form alone without single sign-on, or when the methods cannot be read', async () => {
    const calls = fakeApi(() => undefined);
    renderAt(<SignIn />, '/');
    await waitFor(() => expect(calls.some((call) => call.path === '/sessions/methods')).toBe(true));
    expect(screen.getByLabelText('API token')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Sign in with single sign-on' })).toBeNull();
  });

  it.each([
    ['failed', 'Single sign-on did not complete. Please try again.'],
    ['unknown', 'Single sign-on worked, but no active Casework account has that email address. Ask an admin to add you.'],
  ])('says why single sign-on came back without a session (signIn=%s)', async (reason, message) => {
    fakeApi(({ path }) => (path === '/sessions/methods' ? { status: 200, body: { token: true, oidc: true } } : undefined));
    renderAt(<SignIn />, `/?signIn=${reason}`);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });

  it('ignores any other signIn value', async () => {
    fakeApi(({ path }) => (path === '/sessions/methods' ? { status: 200, body: { token: true, oidc: true } } : undefined));
    renderAt(<SignIn />, '/?signIn=constructor');
    await screen.findByRole('link', { name: 'Sign in with single sign-on' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
