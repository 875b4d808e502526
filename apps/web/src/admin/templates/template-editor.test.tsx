import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Template } from '../config-types';
import { draftOf, TemplateEditor } from './template-editor';
import { previewRequest } from './template-preview';

const TEMPLATE: Template = {
  id: 't1',
  key: 'acknowledgement',
  locale: 'es',
  kind: 'message',
  queueId: null,
  version: 1,
  subject: 'Hemos recibido su mensaje',
  text: 'Hola {{requester.name}}',
  html: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: null,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderEditor() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <TemplateEditor template={TEMPLATE} />
    </QueryClientProvider>,
  );
}

describe('the template editor', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the API’s problem under the part at fault and marks that field', async () => {
    const fetchMock = vi.fn(async (..._args: unknown[]) => json(400, { statusCode: 400, message: 'invalid template: text', fields: { text: ['line 2, column 0: unknown variable "unknownThing"'] } }));
    vi.stubGlobal('fetch', fetchMock);
    renderEditor();
    fireEvent.change(screen.getByLabelText('Text part'), { target: { value: 'Hola\n{{unknownThing}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new version' }));
    const problem = await screen.findByText('line 2, column 0: unknown variable "unknownThing"');
    expect(problem.closest('[role="alert"]')?.id).toBe('template-text-problems');
    expect(screen.getByLabelText('Text part').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Subject').getAttribute('aria-invalid')).toBe('false');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/templates/t1');
    expect(JSON.parse(String(init.body))).toEqual({ subject: 'Hemos recibido su mensaje', text: 'Hola\n{{unknownThing}}', html: null });
  });

  it('says which version a save made', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { ...TEMPLATE, version: 2 })));
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Save new version' }));
    await waitFor(() => expect(screen.getByText('Saved as version 2.')).toBeTruthy());
  });

  it('previews the unsaved texts, the HTML only in a sandboxed frame', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { subject: 'Hemos recibido', text: 'Hola Ana', html: '<p>Hola <b>Ana</b></p>', locale: 'es', missing: ['ticket.slaDueAt'] })));
    const { container } = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Show preview' }));
    await screen.findByText('Hola Ana');
    const frame = container.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('');
    expect(frame?.getAttribute('srcdoc')).toContain('<p>Hola <b>Ana</b></p>');
    expect(container.querySelector('.preview-result b')).toBeNull();
    expect(screen.getByText(/ticket\.slaDueAt/)).toBeTruthy();
  });

  it('sends an empty HTML part as none, and a ticket or sample values with the draft', () => {
    expect(draftOf('s', 't', '  ')).toEqual({ subject: 's', text: 't', html: null });
    expect(previewRequest({ text: 't' }, '', '{"requester":{"name":"Ana"}}')).toEqual({ text: 't', sample: { requester: { name: 'Ana' } } });
    expect(previewRequest({ text: 't' }, ' abc ', 'ignored')).toEqual({ text: 't', ticketId: 'abc' });
  });
});
