import { HIGHLIGHT_END, HIGHLIGHT_START } from '@casework/database';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const CONTEXT = 60;

/**
 * The snippet shown for a hit, as HTML: the mail's text escaped (it is untrusted), only the
 * marks added here left as markup. Postgres' headline marks matched words between private-use
 * characters (stripped from the text before); when it marked nothing — a Chinese run it does not
 * split into words, a Hindi word matched by its pairs — the first literal occurrence of a
 * searched term in `plain` is shown and marked instead.
 */
export function snippetOf(hit: { headline: string; plain: string | null }, terms: string[]): string {
  if (hit.plain === null) return markHighlights(hit.headline);
  const found = literalMatch(hit.plain, terms);
  if (!found) return escapeHtml(hit.headline.trim());
  const from = Math.max(0, found.at - CONTEXT);
  const to = Math.min(hit.plain.length, found.at + found.length + CONTEXT);
  const window = hit.plain.slice(from, to);
  const pattern = new RegExp(terms.filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const marked = window.replace(pattern, (match) => `${HIGHLIGHT_START}${match}${HIGHLIGHT_END}`);
  return `${from > 0 ? '… ' : ''}${markHighlights(marked.replace(/\s+/g, ' ').trim())}${to < hit.plain.length ? ' …' : ''}`;
}

function markHighlights(text: string): string {
  return escapeHtml(text).split(HIGHLIGHT_START).join('<mark>').split(HIGHLIGHT_END).join('</mark>');
}

function literalMatch(text: string, terms: string[]): { at: number; length: number } | null {
  const lower = text.toLowerCase();
  let best: { at: number; length: number } | null = null;
  for (const term of terms) {
    const at = term ? lower.indexOf(term.toLowerCase()) : -1;
    if (at >= 0 && (!best || at < best.at)) best = { at, length: term.length };
  }
  return best;
}
