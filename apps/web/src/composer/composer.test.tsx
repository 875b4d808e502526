import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/index';
import type { TemplateSummary } from './composer-types';
import { Composer } from './composer';
import { DeliveryState } from './delivery-state';

vi.mock('../presence', () => ({ usePresence: () => undefined }));

const TICKET = '11111111-1111-4111-8111-111111111111';
const REPLY_TEXT = '{{> salutation}}\n\n{{body}}\n\n{{> signature}}';
const library: TemplateSummary[] = [
  { id: 'reply-en', key: 'reply', locale: 'en', kind: 'message', queueId: null, version: 1, subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT, html: null },
  { id: 'reply-es', key: 'reply', locale: 'es', kind: 'message', queueId: null, version: 1, subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT, html: null },
  { id: 'thanks-es', key: 'thanks', locale: 'es', kind: 'snippet', queueId: null, version: 1, subject: '', text: 'Gracias, {{requester.name}}.', html: null },
];

interface Call {
  method: string;
  path: string;
  body: unknown;
}

let calls: Call[] = [];
let draft: { body: string; cc: string } | null = null;

function answer(status: number, body?: unknown): Response {
  return status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The API as far as the composer talks to it. */
async function fakeApi(url: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const path = url.replace('/api/v1', '');
  const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
  calls.push({ method, path, body });
  if (path === '/templates') return answer(200, { items: library });
  if (path === '/queues') return answer(200, { items: [{ id: 'q-1', slug: 'safety', defaultLocale: null }] });
  if (path === '/templates/reply-es/preview') return answer(200, { subject: 'Re: Me acosan [#7]', text: `Hola, María:\n\n${(body as { text: string }).text.includes('CASEWORK-REPLY-BODY-MARK') ? 'CASEWORK-REPLY-BODY-MARK' : ''}\n\nEl equipo de Safety\n`, html: '<p></p>', locale: 'es', missing: ['body'] });
  if (path === '/templates/thanks-es/preview') return answer(200, { subject: '', text: 'Gracias, María.\n', html: '<p></p>', locale: 'es', missing: [] });
  if (path === `/tickets/${TICKET}/draft`) {
    if (method === 'GET') return draft === null ? answer(404, { code: 'DraftNotFound', message: 'no draft' }) : answer(200, { ...draft, updatedAt: '2026-07-01T12:00:00Z' });
    if (method === 'PUT') {
      const saved = body as { body: string; cc?: string };
      draft = { body: saved.body, cc: saved.cc ?? '' };
      return answer(200, { ...draft, updatedAt: '2026-07-01T12:00:01Z' });
    }
    const had = draft !== null;
    draft = null;
    return had ? answer(204) : answer(404, { code: 'DraftNotFound', message: 'no draft' });
  }
  if (path === `/tickets/${TICKET}/replies`) return answer(202, { outboundId: 'o-1', articleId: 'a-2', locale: 'es' });
  return answer(404, { message: `not faked: ${method} ${path}` });
}

function renderComposer(): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  render(<Composer ticketId={TICKET} status="open" lastArticleId="a-1" language="es" queueSlug="safety" />, { wrapper });
}

const replies = () => calls.filter((call) => call.method === 'POST' && call.path === `/tickets/${TICKET}/replies`);

describe('the composer', () => {
  beforeEach(() => {
    calls = [];
    draft = null;
    vi.stubGlobal('fetch', vi.fn(fakeApi));
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    setLocale('en');
  });

  it('previews the reply template in the ticket’s language with the text laid in, and sends it with Cc and a file', async () => {
    renderComposer();
    await screen.findByRole('option', { name: 'reply' });
    fireEvent.change(screen.getByLabelText('Template'), { target: { value: 'reply' } });
    const preview = await screen.findByRole('region', { name: 'Template preview' });
    await screen.findByText('Preview in Spanish (es), as the requester will read it');
    expect(preview.textContent).toContain('[your reply goes here]');
    // `body` is what the specialist writes: not reported as missing.
    expect(preview.textContent).not.toContain('No value');
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'Hemos retirado las publicaciones.' } });
    expect(screen.getByRole('region', { name: 'Template preview' }).textContent).toContain('Hola, María:\n\nHemos retirado las publicaciones.\n\nEl equipo de Safety');
    const previewCall = calls.find((call) => call.path === '/templates/reply-es/preview')!;
    expect(previewCall.body).toMatchObject({ ticketId: TICKET });

    fireEvent.change(screen.getByLabelText('Cc'), { target: { value: 'advocate@example.org, lawyer@example.net' } });
    const file = new File(['hello casework'], 'note.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Attach files'), { target: { files: [file] } });
    await screen.findByRole('list', { name: 'Files to send' });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(replies()).toHaveLength(1));
    expect(replies()[0]!.body).toEqual({
      body: 'Hemos retirado las publicaciones.',
      templateKey: 'reply',
      locale: 'es',
      cc: ['advocate@example.org', 'lawyer@example.net'],
      attachments: [{ filename: 'note.txt', contentType: 'text/plain', contentBase64: btoa('hello casework') }],
      ifLastArticleId: 'a-1',
    });
    await screen.findByText('Reply queued for sending.');
    expect((screen.getByLabelText('Reply') as HTMLTextAreaElement).value).toBe('');
    expect((screen.getByLabelText('Template') as HTMLSelectElement).value).toBe('');
  });

  it('inserts a snippet, rendered for the ticket, into the reply', async () => {
    renderComposer();
    await screen.findByRole('option', { name: 'thanks' });
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'Hola. ' } });
    fireEvent.change(screen.getByLabelText('Template'), { target: { value: 'thanks' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Insert into reply' }));
    expect((screen.getByLabelText('Reply') as HTMLTextAreaElement).value).toBe('Hola. Gracias, María.');
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(replies()).toHaveLength(1));
    // A snippet is text: the reply goes out as written, not as a template.
    expect(replies()[0]!.body).toEqual({ body: 'Hola. Gracias, María.', ifLastArticleId: 'a-1' });
  });

  it('restores the draft with its Cc, saves a second after typing stops, and deletes it once sent', async () => {
    draft = { body: 'Half an answer', cc: 'advocate@example.org' };
    renderComposer();
    await waitFor(() => expect((screen.getByLabelText('Reply') as HTMLTextAreaElement).value).toBe('Half an answer'));
    expect((screen.getByLabelText('Cc') as HTMLInputElement).value).toBe('advocate@example.org');
    await screen.findByText(/Draft restored/);
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'Half an answer, now whole.' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
    await screen.findByText('Draft saved', {}, { timeout: 2_000 });
    expect(draft).toEqual({ body: 'Half an answer, now whole.', cc: 'advocate@example.org' });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(draft).toBeNull());
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
  });

  it('refuses files over 10 MB together and a Cc that is no address, before sending anything', async () => {
    renderComposer();
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'With the evidence.' } });
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'a.bin', { type: 'application/octet-stream' });
    const bigger = new File([new Uint8Array(5 * 1024 * 1024)], 'b.bin', { type: 'application/octet-stream' });
    fireEvent.change(screen.getByLabelText('Attach files'), { target: { files: [big, bigger] } });
    expect((await screen.findByRole('alert')).textContent).toBe('The files weigh 11.0 MB together; a reply can carry at most 10.0 MB. Remove some to send it.');
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove b.bin' }));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(screen.getByLabelText('Cc'), { target: { value: 'advocate@example.org, bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await screen.findByText('Not an email address: bob');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(replies()).toHaveLength(0);
  });
});

describe('the delivery state of a sent reply', () => {
  it('shows a failed delivery with the server’s answer, and a sent one as sent', () => {
    const { rerender } = render(<DeliveryState delivery={{ state: 'failed', attempts: 5, lastError: '550 5.1.1 mailbox unavailable', sentAt: null }} />);
    expect(screen.getByText('Delivery failed after 5 attempts').className).toContain('delivery-failed');
    expect(screen.getByText('Server answer: 550 5.1.1 mailbox unavailable').className).toContain('warning');
    rerender(<DeliveryState delivery={{ state: 'queued', attempts: 0, lastError: null, sentAt: null }} />);
    expect(screen.getByText('Delivery: queued')).toBeTruthy();
    setLocale('es');
    rerender(<DeliveryState delivery={{ state: 'sending', attempts: 1, lastError: null, sentAt: null }} />);
    expect(screen.getByText('Entrega: enviando')).toBeTruthy();
    cleanup();
  });
});
