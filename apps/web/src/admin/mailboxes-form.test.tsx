import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MailboxForm } from './mailboxes/mailbox-form';
import { fakeApi, renderAt } from './people-test-kit';

const PASSWORD = 'imap-pass-never-echoed';
const MAILBOX = {
  id: '55555555-5555-4555-8555-555555555555',
  address: 'abuse@example.org',
  imapHost: 'imap.example.org',
  imapPort: 993,
  imapTls: true,
  imapUser: 'abuse',
  folder: 'INBOX',
  queue: { id: 'q1', slug: 'safety' },
  afterCommit: 'none',
  enabled: true,
  passwordStored: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const QUEUES = { items: [{ id: 'q1', slug: 'safety', name: 'Safety', address: 'safety@example.org', opsEmails: [], restricted: false, addresses: [], role: null, emergency: false }] };

describe('the mailbox form', () => {
  it('sends the password once on create and empties the field, never keeping it in the page', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === '/queues') return { status: 200, body: QUEUES };
      if (method === 'GET' && path === '/mailboxes') return { status: 200, body: { items: [] } };
      if (method === 'POST' && path === '/mailboxes') return { status: 201, body: MAILBOX };
    });
    renderAt(<MailboxForm />, '/');
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'abuse@example.org' } });
    fireEvent.change(screen.getByLabelText('IMAP server'), { target: { value: 'imap.example.org' } });
    fireEvent.change(screen.getByLabelText('IMAP user'), { target: { value: 'abuse' } });
    const password = screen.getByLabelText('IMAP password') as HTMLInputElement;
    expect(password.type).toBe('password');
    fireEvent.change(password, { target: { value: PASSWORD } });
    expect(document.body.innerHTML).not.toContain(PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Add mailbox' }));
    await screen.findByText(/The mailbox abuse@example.org was added/);
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ address: 'abuse@example.org', imapHost: 'imap.example.org', imapPort: 993, imapTls: true, imapUser: 'abuse', folder: 'INBOX', afterCommit: 'none', enabled: true, password: PASSWORD });
    expect(password.value).toBe('');
  });

  it('changes a mailbox without a password unless one is typed', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === '/queues') return { status: 200, body: QUEUES };
      if (method === 'PATCH') return { status: 200, body: { ...MAILBOX, folder: 'Reports' } };
      if (method === 'GET') return { status: 200, body: { items: [] } };
    });
    renderAt(<MailboxForm mailbox={MAILBOX} />, '/');
    expect((screen.getByLabelText('IMAP password') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/A password is stored/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Folder'), { target: { value: 'Reports' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Changes saved.');
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ folder: 'Reports' });
  });
});
