import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Draft, DraftContent } from './composer-types';

/** Saved this long after the last keystroke: one request per pause, not per key. */
export const DRAFT_SAVE_DELAY_MS = 1000;

export type DraftStatus = { kind: 'idle' } | { kind: 'restored'; at: string } | { kind: 'saved' } | { kind: 'failed'; message: string };

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The caller's draft reply on a ticket: restored when the ticket opens (unless they already began
 * typing), saved a second after they stop, deleted when emptied or `discard`ed (on send: the API
 * keeps drafts until told). Writes go one after another, so a late save never outlives a discard.
 */
export function useDraft(ticketId: string, content: DraftContent, restore: (content: DraftContent) => void) {
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' });
  /** What the API holds, as `keyOf` writes it ('' : no draft). */
  const stored = useRef('');
  const writes = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef({ content, restore });
  useEffect(() => {
    latest.current = { content, restore };
  });

  const enqueue = useCallback((write: () => Promise<void>) => {
    writes.current = writes.current.then(write).catch((error: unknown) => setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return writes.current;
  }, []);

  useEffect(() => {
    let live = true;
    api<Draft>(`/tickets/${ticketId}/draft`).then(
      (draft) => {
        if (!live) return;
        const saved = { body: draft.body, cc: draft.cc ?? '' };
        stored.current = keyOf(saved);
        const { content: now, restore: apply } = latest.current;
        if (keyOf(now) === '' && stored.current !== '') {
          apply(saved);
          setStatus({ kind: 'restored', at: draft.updatedAt });
        }
        setLoaded(true);
      },
      (error: unknown) => {
        if (!live) return;
        if (!isNotFound(error)) setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, [ticketId]);

  const text = keyOf(content);
  useEffect(() => {
    if (!loaded || text === stored.current) return;
    const timer = setTimeout(() => {
      void enqueue(async () => {
        if (text === stored.current) return;
        if (text === '') await api(`/tickets/${ticketId}/draft`, 'DELETE').catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
        else await api<Draft>(`/tickets/${ticketId}/draft`, 'PUT', JSON.parse(text) as DraftContent);
        stored.current = text;
        setStatus(text === '' ? { kind: 'idle' } : { kind: 'saved' });
      });
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enqueue, loaded, text, ticketId]);

  /** Forget the draft here and on the API (a reply was sent). */
  const discard = useCallback(() => {
    stored.current = '';
    setStatus({ kind: 'idle' });
    return enqueue(async () => {
      await api<void>(`/tickets/${ticketId}/draft`, 'DELETE').catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
      stored.current = '';
    });
  }, [enqueue, ticketId]);

  return { status, discard, loaded };
}

/** One string per draft, '' for an empty one: what is compared to know whether to write. */
function keyOf({ body, cc }: DraftContent): string {
  return body === '' && cc.trim() === '' ? '' : JSON.stringify({ body, cc });
}
