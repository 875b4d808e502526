import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { formatTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import { FieldProblem, fieldProps, FormProblem, problemOf } from '../people-form';
import { tokensKey, type CreatedToken, type Items, type Token } from '../people-types';

/**
 * A user's tokens: issue one (its secret shown here once, then forgotten), see when each was last
 * used, revoke one. The secret lives only in this component's state: never in the query cache,
 * web storage or the URL.
 */
export function UserTokens({ userId }: { userId: string }) {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey(userId), queryFn: () => api<Items<Token>>(`/users/${userId}/tokens`) });
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: tokensKey(userId) });

  const issue = useMutation({
    // Resolves to nothing: the answer (with the secret) goes to local state, not the mutation cache.
    mutationFn: async (): Promise<void> => {
      const created = await api<CreatedToken>(`/users/${userId}/tokens`, 'POST', { name: name.trim(), ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}) });
      setIssued({ name: created.name, secret: created.token });
    },
    onMutate: () => {
      setIssued(null);
      setCopied(false);
    },
    onSuccess: async () => {
      setName('');
      setExpires('');
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/tokens/${id}`, 'DELETE'),
    onSettled: refresh,
  });
  const problem = problemOf(issue.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate();
  };
  const copy = async () => {
    if (!issued) return;
    await navigator.clipboard?.writeText(issued.secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section aria-labelledby="tokens-heading" className="admin-form-section">
      <h2 id="tokens-heading">{t('admin.tokens.heading')}</h2>
      {tokens.error && <p role="alert">{t('error.generic', { message: tokens.error.message })}</p>}
      {tokens.data && tokens.data.items.length === 0 && <p className="hint">{t('admin.tokens.none')}</p>}
      {tokens.data && tokens.data.items.length > 0 && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.tokens.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.tokens.name')}</th>
              <th scope="col">{t('admin.tokens.created')}</th>
              <th scope="col">{t('admin.tokens.lastUsed')}</th>
              <th scope="col">{t('admin.tokens.expires')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <time dateTime={token.createdAt}>{formatTime(token.createdAt)}</time>
                </td>
                <td>{token.lastUsedAt ? <time dateTime={token.lastUsedAt}>{formatTime(token.lastUsedAt)}</time> : t('admin.never')}</td>
                <td>{token.expiresAt ? <time dateTime={token.expiresAt}>{formatTime(token.expiresAt)}</time> : t('admin.tokens.noExpiry')}</td>
                <td>
                  <button type="button" onClick={() => revoke.mutate(token.id)} disabled={revoke.isPending} aria-label={t('admin.tokens.revokeNamed', { name: token.name })}>
                    {t('admin.tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.error && <p role="alert">{t('admin.refused', { message: revoke.error.message })}</p>}

      <h3>{t('admin.tokens.issue')}</h3>
      <form className="admin-form" onSubmit={submit} noValidate>
        <label htmlFor="token-name">{t('admin.tokens.name')}</label>
        <input {...fieldProps(problem, 'name', 'token-name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <FieldProblem problem={problem} field="name" id="token-name" />
        <label htmlFor="token-expires">{t('admin.tokens.expiresOptional')}</label>
        <input {...fieldProps(problem, 'expiresAt', 'token-expires')} type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
        <FieldProblem problem={problem} field="expiresAt" id="token-expires" />
        <button type="submit" disabled={issue.isPending}>
          {t('admin.tokens.issueSubmit')}
        </button>
      </form>
      <FormProblem problem={problem} />

      {issued && (
        <div className="token-once" role="region" aria-labelledby="token-once-heading">
          <h3 id="token-once-heading">{t('admin.tokens.issuedHeading', { name: issued.name })}</h3>
          <p className="warning">{t('admin.tokens.copyNow')}</p>
          <label htmlFor="new-token-secret">{t('admin.tokens.secret')}</label>
          <input id="new-token-secret" readOnly value={issued.secret} autoComplete="off" spellCheck={false} onFocus={(e) => e.target.select()} />
          <div className="admin-buttons">
            <button type="button" onClick={() => void copy()}>
              {t('admin.tokens.copy')}
            </button>
            <button type="button" onClick={() => setIssued(null)}>
              {t('admin.tokens.done')}
            </button>
          </div>
          {copied && (
            <p role="status" className="ok">
              {t('admin.tokens.copied')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
