import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { FieldProblem, fieldProps, FormProblem, problemOf } from '../people-form';
import { MAILBOXES_KEY, QUEUES_KEY, type AdminQueue, type Items, type Mailbox } from '../people-types';

/**
 * Adds a mailbox (no `mailbox`) or changes one. The password field is write-only: uncontrolled,
 * never filled from the API (which never sends it), read once inside the request and emptied
 * after it is stored, so it is not kept in React state, the query cache or the page's HTML.
 */
export function MailboxForm({ mailbox }: { mailbox?: Mailbox }) {
  const client = useQueryClient();
  const queues = useQuery({ queryKey: QUEUES_KEY, queryFn: () => api<Items<AdminQueue>>('/queues') });
  const password = useRef<HTMLInputElement>(null);
  const [address, setAddress] = useState(mailbox?.address ?? '');
  const [imapHost, setImapHost] = useState(mailbox?.imapHost ?? '');
  const [imapPort, setImapPort] = useState(String(mailbox?.imapPort ?? 993));
  const [imapTls, setImapTls] = useState(mailbox?.imapTls ?? true);
  const [imapUser, setImapUser] = useState(mailbox?.imapUser ?? '');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [queue, setQueue] = useState(mailbox?.queue?.slug ?? '');
  const [afterCommit, setAfterCommit] = useState(mailbox?.afterCommit ?? 'none');
  const [enabled, setEnabled] = useState(mailbox?.enabled ?? true);
  const [saved, setSaved] = useState<Mailbox | null>(null);
  const id = mailbox ? 'mailbox' : 'new-mailbox';

  const fields = () => {
    const all = { address: address.trim(), imapHost: imapHost.trim(), imapPort: Number(imapPort), imapTls, imapUser: imapUser.trim(), folder: folder.trim(), afterCommit: afterCommit.trim(), enabled, ...(queue ? { queue } : {}) };
    if (!mailbox) return all;
    // A change sends only what differs from the mailbox as the API holds it.
    const before: Record<string, unknown> = { ...mailbox, queue: mailbox.queue?.slug };
    return Object.fromEntries(Object.entries(all).filter(([key, value]) => before[key] !== value));
  };
  const save = useMutation({
    mutationFn: async (): Promise<Mailbox> => {
      const secret = password.current?.value ?? '';
      const body = { ...fields(), ...(secret !== '' || !mailbox ? { password: secret } : {}) };
      return mailbox ? api<Mailbox>(`/mailboxes/${mailbox.id}`, 'PATCH', body) : api<Mailbox>('/mailboxes', 'POST', body);
    },
    onMutate: () => setSaved(null),
    onSuccess: async (after) => {
      if (password.current) password.current.value = '';
      setSaved(after);
      if (!mailbox) {
        setAddress('');
        setImapUser('');
      }
      await client.invalidateQueries({ queryKey: MAILBOXES_KEY });
    },
  });
  const problem = problemOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const text = (field: string, label: string, value: string, set: (value: string) => void, extra: { type?: string; hint?: string } = {}) => (
    <>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input {...fieldProps(problem, field, `${id}-${field}`, extra.hint ? `${id}-${field}-hint` : undefined)} type={extra.type ?? 'text'} value={value} onChange={(e) => set(e.target.value)} autoComplete="off" />
      {extra.hint && (
        <p id={`${id}-${field}-hint`} className="hint">
          {extra.hint}
        </p>
      )}
      <FieldProblem problem={problem} field={field} id={`${id}-${field}`} />
    </>
  );

  return (
    <>
      <form className="admin-form" onSubmit={submit} noValidate>
        {text('address', t('admin.mailboxes.address'), address, setAddress, { type: 'email' })}
        {text('imapHost', t('admin.mailboxes.host'), imapHost, setImapHost)}
        {text('imapPort', t('admin.mailboxes.port'), imapPort, setImapPort, { type: 'number' })}
        <div className="admin-check">
          <input id={`${id}-tls`} type="checkbox" checked={imapTls} onChange={(e) => setImapTls(e.target.checked)} />
          <label htmlFor={`${id}-tls`}>{t('admin.mailboxes.tls')}</label>
        </div>
        {text('imapUser', t('admin.mailboxes.user'), imapUser, setImapUser)}
        <label htmlFor={`${id}-password`}>{t('admin.mailboxes.password')}</label>
        <input {...fieldProps(problem, 'password', `${id}-password`, `${id}-password-hint`)} ref={password} type="password" name="password" autoComplete="new-password" defaultValue="" />
        <p id={`${id}-password-hint`} className="hint">
          {mailbox ? (mailbox.passwordStored ? t('admin.mailboxes.passwordKept') : t('admin.mailboxes.passwordFromEnv')) : t('admin.mailboxes.passwordHint')}
        </p>
        <FieldProblem problem={problem} field="password" id={`${id}-password`} />
        {text('folder', t('admin.mailboxes.folder'), folder, setFolder)}
        <label htmlFor={`${id}-queue`}>{t('admin.mailboxes.queue')}</label>
        <select {...fieldProps(problem, 'queue', `${id}-queue`)} value={queue} onChange={(e) => setQueue(e.target.value)}>
          {!mailbox && <option value="">{t('admin.mailboxes.defaultQueue')}</option>}
          {mailbox && !mailbox.queue && <option value="">—</option>}
          {queues.data?.items
            .filter((each) => each.role === null)
            .map((each) => (
              <option key={each.id} value={each.slug}>
                {each.name} ({each.slug})
              </option>
            ))}
        </select>
        <FieldProblem problem={problem} field="queue" id={`${id}-queue`} />
        {text('afterCommit', t('admin.mailboxes.afterCommit'), afterCommit, setAfterCommit, { hint: t('admin.mailboxes.afterCommitHint') })}
        <div className="admin-check">
          <input id={`${id}-enabled`} type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <label htmlFor={`${id}-enabled`}>{t('admin.mailboxes.enabled')}</label>
        </div>
        <button type="submit" disabled={save.isPending}>
          {mailbox ? t('admin.save') : t('admin.mailboxes.addSubmit')}
        </button>
      </form>
      <FormProblem problem={problem} />
      {saved && (
        <p role="status" className="ok">
          {mailbox ? t('admin.saved') : t('admin.mailboxes.added', { address: saved.address })} {!mailbox && <Link to={`/admin/mailboxes/${saved.id}`}>{t('admin.mailboxes.openNew')}</Link>}
        </p>
      )}
    </>
  );
}
