import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from './api/client';
import type { TicketSummary } from './api/types';
import { t } from './i18n/index';
import { isTyping } from './keyboard';

interface SearchHit {
  ticket: TicketSummary;
  snippet: string;
}


/** The search box of every page; `/` (outside a text field) focuses it. */
export function SearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== '/' || isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" onSubmit={submit} className="search">
      <label htmlFor="search">{t('search.label')}</label>
      <input id="search" ref={input} type="search" dir="auto" value={q} maxLength={500} onChange={(event) => setQ(event.target.value)} />
    </form>
  );
}

/** The API's snippet (escaped text, matches in <mark>) as React text: never parsed as HTML. */
function Snippet({ html }: { html: string }) {
  const parts: ReactNode[] = html.split(/(<mark>[\s\S]*?<\/mark>)/).map((part, i) => {
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    return marked ? <mark key={i}>{unescape(marked[1])}</mark> : unescape(part);
  });
  return (
    <p className="snippet" dir="auto">
      {parts}
    </p>
  );
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Results of `GET /search`, best first, each a link to its ticket with the matching passage. */
export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const results = useQuery({ queryKey: ['search', q], queryFn: () => api<{ items: SearchHit[] }>(`/search?q=${encodeURIComponent(q)}&limit=50`), enabled: q !== '' });
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">{t('search.heading', { q })}</h1>
      {results.isPending && q !== '' && <p>{t('loading')}</p>}
      {results.isError && <p role="alert">{t('error.generic', { message: results.error.message })}</p>}
      {results.data && results.data.items.length === 0 && <p className="hint">{t('search.none')}</p>}
      <ol className="results">
        {results.data?.items.map((hit) => (
          <li key={hit.ticket.id}>
            <Link to={`/tickets/${hit.ticket.id}`}>
              #{hit.ticket.number} <span dir="auto">{hit.ticket.subject}</span>
            </Link>
            <Snippet html={hit.snippet} />
          </li>
        ))}
      </ol>
    </section>
  );
}
