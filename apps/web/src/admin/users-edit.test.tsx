import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index';
import { fakeApi, renderAt, user } from './people-test-kit';
import { UsersPage } from './users-page';

const ADMIN = user({ id: '22222222-2222-4222-8222-222222222222', name: 'Last Admin', email: 'last@example.org', role: 'admin' });
const LAST_ADMIN = 'this is the last enabled admin: make another user admin first';

describe('the users page', () => {
  afterEach(() => setLocale('en'));

  it('lists users and adds one with only the fields filled in', async () => {
    const calls = fakeApi(({ method, path, body }) => {
      if (method === 'GET' && path === '/users') return { status: 200, body: { items: [ADMIN] } };
      if (method === 'POST' && path === '/users') return { status: 201, body: user(body as object) };
    });
    renderAt(<UsersPage />, '/admin/users', '/admin/users/*');
    await screen.findByRole('link', { name: 'Last Admin' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'new@example.org' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'New Person' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'lead' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    await screen.findByText('New Person was added.');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ email: 'new@example.org', name: 'New Person', role: 'lead' });
  });

  it('sends only the changed role, and shows the 409 of the last admin as the API words it', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === `/users/${ADMIN.id}`) return { status: 200, body: ADMIN };
      if (method === 'GET' && path === `/users/${ADMIN.id}/tokens`) return { status: 200, body: { items: [] } };
      if (method === 'PATCH') return { status: 409, body: { statusCode: 409, error: 'Conflict', code: 'LastAdmin', message: LAST_ADMIN } };
    });
    renderAt(<UsersPage />, `/admin/users/${ADMIN.id}`, '/admin/users/*');
    await screen.findByRole('heading', { level: 1, name: 'Last Admin' });
    fireEvent.click(screen.getByLabelText('Disabled: cannot sign in'));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toContain(LAST_ADMIN);
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ disabled: true });
  });

  it('shows the 400’s named fields as text, in the chosen locale around them', async () => {
    setLocale('de');
    fakeApi(({ method, path }) => {
      if (method === 'GET' && path === '/users') return { status: 200, body: { items: [] } };
      if (method === 'POST') return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Validation failed: email', fields: { email: ['email must be an email address'] } } };
    });
    renderAt(<UsersPage />, '/admin/users', '/admin/users/*');
    // /me answers locale en; the page follows the profile only through App, so the catalog stays de here.
    fireEvent.click(await screen.findByRole('button', { name: 'Benutzer anlegen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nicht gespeichert: Validation failed: email');
    await waitFor(() => expect(screen.getByLabelText('E-Mail').getAttribute('aria-invalid')).toBe('true'));
  });
});
