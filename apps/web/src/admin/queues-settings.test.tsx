import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index';
import { fakeApi, renderAt } from './people-test-kit';
import type { AdminQueue } from './people-types';
import { typedNumber } from './queues/queue-settings';
import { QueuesPage } from './queues-page';

const QUEUE: AdminQueue = {
  id: '33333333-3333-4333-8333-333333333333',
  slug: 'safety',
  name: 'Safety',
  address: 'safety@example.org',
  opsEmails: [],
  restricted: false,
  addresses: [],
  role: null,
  emergency: false,
  unknownSenderFollowup: 'flag',
  reopenWindowDays: 30,
  spamScoreThreshold: 5,
  defaultLocale: null,
  timeZone: null,
  retentionDays: null,
  autoAssign: false,
  maxOpenPerAssignee: 10,
};
const RETENTION_TOO_SHORT = 'retentionDays must not be less than 1';

/** The queue page against a fake API whose PATCH answers `patch` (the queue merged with the change when it gives nothing). */
function queuePage(patch?: (body: Record<string, unknown>) => { status: number; body?: unknown } | undefined) {
  const calls = fakeApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/queues') return { status: 200, body: { items: [QUEUE] } };
    if (method === 'GET' && path === `/queues/${QUEUE.id}/access`) return { status: 200, body: { grants: [] } };
    if (method === 'GET' && path === '/users') return { status: 200, body: { items: [] } };
    if (method === 'PATCH' && path === `/queues/${QUEUE.id}`) return patch?.(body as Record<string, unknown>) ?? { status: 200, body: { ...QUEUE, ...(body as object) } };
  });
  renderAt(<QueuesPage />, `/admin/queues/${QUEUE.id}`, '/admin/queues/*');
  return calls;
}

const patches = (calls: { method: string; body: unknown }[]) => calls.filter((call) => call.method === 'PATCH').map((call) => call.body);

describe('the queue settings', () => {
  afterEach(() => setLocale('en'));

  it('sends only the settings changed, empty ones as null where the API takes null', async () => {
    const calls = queuePage();
    const retention = await screen.findByLabelText('Purge closed tickets after (days)');
    const save = screen.getByRole('button', { name: 'Save changes' });
    expect((save as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(retention, { target: { value: ' 365 ' } });
    fireEvent.change(screen.getByLabelText('Time zone of the dates in its mail'), { target: { value: 'Europe/Berlin' } });
    fireEvent.change(screen.getByLabelText('Spam score threshold'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Language of its mail'), { target: { value: 'es' } });
    fireEvent.change(screen.getByLabelText('A follow-up from someone not on the ticket'), { target: { value: 'new_ticket' } });
    fireEvent.click(screen.getByLabelText('Assign new tickets automatically (round-robin)'));
    // Typed and put back: unchanged, so not sent.
    fireEvent.change(screen.getByLabelText('Reopen window (days)'), { target: { value: '31' } });
    fireEvent.change(screen.getByLabelText('Reopen window (days)'), { target: { value: '30' } });
    fireEvent.click(save);
    await screen.findByText('Changes saved.');
    expect(patches(calls)).toEqual([{ retentionDays: 365, timeZone: 'Europe/Berlin', spamScoreThreshold: null, defaultLocale: 'es', unknownSenderFollowup: 'new_ticket', autoAssign: true }]);
    // The form now shows what the API answered, and nothing is left to save.
    expect((screen.getByLabelText('Purge closed tickets after (days)') as HTMLInputElement).value).toBe('365');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('shows the API’s problem beside the field it names, tied to it', async () => {
    const calls = queuePage(() => ({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Validation failed: retentionDays', fields: { retentionDays: [RETENTION_TOO_SHORT] } } }));
    const retention = await screen.findByLabelText('Purge closed tickets after (days)');
    fireEvent.change(retention, { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Most open tickets per person'), { target: { value: 'many' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const beside = await screen.findByText(RETENTION_TOO_SHORT, { selector: '.field-problem' });
    expect(beside.id).toBe('queue-retention-problem');
    expect(retention.getAttribute('aria-invalid')).toBe('true');
    expect(retention.getAttribute('aria-describedby')).toBe('queue-retention-hint queue-retention-problem');
    expect(screen.getByLabelText('Most open tickets per person').getAttribute('aria-invalid')).toBeNull();
    // Text that is not a number goes as typed: the API, not the page, says what the field takes.
    expect(patches(calls)).toEqual([{ retentionDays: 0, maxOpenPerAssignee: 'many' }]);
  });

  it('reads typed numbers as the API takes them', () => {
    expect(typedNumber('5,5', true)).toBe(5.5);
    expect(typedNumber('-2', true)).toBe(-2);
    expect(typedNumber('', true)).toBeNull();
    expect(typedNumber(' ', false)).toBe('');
    expect(typedNumber('1e3', false)).toBe('1e3');
    expect(typedNumber('0x10', false)).toBe('0x10');
  });

  it('labels the settings in the user’s language', async () => {
    setLocale('de');
    queuePage();
    expect(await screen.findByLabelText('Geschlossene Tickets bereinigen nach (Tagen)')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Aufbewahrung' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Nicht festgelegt (Englisch)' })).toBeTruthy();
  });
});
