import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderAt, user } from './people-test-kit';
import { GrantsEditor } from './queues/grants-editor';

const QUEUE = '33333333-3333-4333-8333-333333333333';
const SAM = user();
const RITA = user({ id: '44444444-4444-4444-8444-444444444444', name: 'Rita Lead', email: 'rita@example.org', role: 'lead' });

describe('the grants editor', () => {
  it('adds a user, changes a level, removes one, and saving replaces the whole list', async () => {
    const calls = fakeApi(({ method, path, body }) => {
      if (method === 'GET' && path === `/queues/${QUEUE}/access`) return { status: 200, body: { grants: [{ userId: RITA.id, level: 'read' }] } };
      if (method === 'GET' && path === '/users') return { status: 200, body: { items: [SAM, RITA] } };
      if (method === 'PUT' && path === `/queues/${QUEUE}/access`) return { status: 200, body };
    });
    renderAt(<GrantsEditor queueId={QUEUE} restricted />, '/');
    const save = await screen.findByRole('button', { name: 'Save access' });
    expect((save as HTMLButtonElement).disabled).toBe(true);

    const grantRow = screen.getByRole('group', { name: 'Grant access' });
    fireEvent.change(within(grantRow).getByLabelText('User'), { target: { value: SAM.id } });
    fireEvent.change(within(grantRow).getByLabelText('Access'), { target: { value: 'write' } });
    fireEvent.click(within(grantRow).getByRole('button', { name: 'Add to the list' }));
    fireEvent.change(screen.getByLabelText('Access of Rita Lead <rita@example.org>'), { target: { value: 'write' } });
    expect(screen.getByText('Not saved yet: saving replaces the whole list.')).toBeTruthy();
    fireEvent.click(save);
    await screen.findByText('Access saved.');
    expect(calls.filter((call) => call.method === 'PUT').at(-1)?.body).toEqual({ grants: [{ userId: RITA.id, level: 'write' }, { userId: SAM.id, level: 'write' }] });

    fireEvent.click(screen.getByRole('button', { name: 'Remove Rita Lead <rita@example.org>' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save access' }));
    await screen.findByText('Access saved.');
    expect(calls.filter((call) => call.method === 'PUT').at(-1)?.body).toEqual({ grants: [{ userId: SAM.id, level: 'write' }] });
  });
});
