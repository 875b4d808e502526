import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { addressList, FieldProblem, fieldProps, FormProblem, problemOf } from '../people-form';
import { QUEUES_KEY, type AdminQueue, type Items } from '../people-types';
import { GrantsEditor } from './grants-editor';
import { QueueSettingsFields } from './queue-settings-fields';
import { settingsChange, settingsDraftOf } from './queue-settings';

/** /admin/queues/:id: the queue's settings, then who may read or work it. (The API has no GET /queues/:id: the list answers.) */
export function QueueEdit() {
  const { id = '' } = useParams();
  const queues = useQuery({ queryKey: QUEUES_KEY, queryFn: () => api<Items<AdminQueue>>('/queues') });
  const queue = queues.data?.items.find((each) => each.id === id);
  return (
    <div className="admin-people">
      <p>
        <Link to="/admin/queues">{t('admin.queues.back')}</Link>
      </p>
      {queues.isPending && <p className="hint">{t('loading')}</p>}
      {queues.error && <p role="alert">{t('error.generic', { message: queues.error.message })}</p>}
      {queues.data && !queue && (
        <>
          <h1>{t('admin.nav.queues')}</h1>
          <p role="alert">{t('admin.queues.notFound')}</p>
        </>
      )}
      {queue && (
        <>
          <h1>{queue.name}</h1>
          <p className="hint">
            <code>{queue.slug}</code>
          </p>
          <QueueForm key={queue.id} queue={queue} />
          <GrantsEditor queueId={queue.id} restricted={queue.restricted} />
        </>
      )}
    </div>
  );
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((each, index) => each === b[index]);

function QueueForm({ queue }: { queue: AdminQueue }) {
  const client = useQueryClient();
  const [name, setName] = useState(queue.name);
  const [address, setAddress] = useState(queue.address);
  const [addresses, setAddresses] = useState(queue.addresses.join('\n'));
  const [opsEmails, setOpsEmails] = useState(queue.opsEmails.join('\n'));
  const [restricted, setRestricted] = useState(queue.restricted);
  const [emergency, setEmergency] = useState(queue.emergency);
  const [settings, setSettings] = useState(() => settingsDraftOf(queue));
  const [saved, setSaved] = useState(false);
  const systemQueue = queue.role !== null;
  const change = {
    ...(name.trim() !== queue.name ? { name: name.trim() } : {}),
    ...(!systemQueue && address.trim() !== queue.address ? { address: address.trim() } : {}),
    ...(!systemQueue && !sameList(addressList(addresses), queue.addresses) ? { addresses: addressList(addresses) } : {}),
    ...(!sameList(addressList(opsEmails), queue.opsEmails) ? { opsEmails: addressList(opsEmails) } : {}),
    ...(restricted !== queue.restricted ? { restricted } : {}),
    ...(emergency !== queue.emergency ? { emergency } : {}),
    ...settingsChange(settings, queue),
  };
  const save = useMutation({
    mutationFn: () => api<AdminQueue>(`/queues/${queue.id}`, 'PATCH', change),
    onMutate: () => setSaved(false),
    onSuccess: async (after) => {
      client.setQueryData<Items<AdminQueue>>(QUEUES_KEY, (list) => list && { items: list.items.map((each) => (each.id === after.id ? after : each)) });
      setAddresses(after.addresses.join('\n'));
      setOpsEmails(after.opsEmails.join('\n'));
      setSettings(settingsDraftOf(after));
      await client.invalidateQueries({ queryKey: ['queues'] });
      setSaved(true);
    },
  });
  const problem = problemOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section aria-labelledby="queue-settings-heading" className="admin-form-section">
      <h2 id="queue-settings-heading">{t('admin.queues.settings')}</h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <label htmlFor="queue-name">{t('admin.queues.name')}</label>
        <input {...fieldProps(problem, 'name', 'queue-name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <FieldProblem problem={problem} field="name" id="queue-name" />
        {systemQueue ? (
          <p className="hint">{t('admin.queues.systemHint')}</p>
        ) : (
          <>
            <label htmlFor="queue-address">{t('admin.queues.address')}</label>
            <input {...fieldProps(problem, 'address', 'queue-address')} type="email" value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="off" />
            <FieldProblem problem={problem} field="address" id="queue-address" />
            <label htmlFor="queue-addresses">{t('admin.queues.addresses')}</label>
            <textarea {...fieldProps(problem, 'addresses', 'queue-addresses', 'queue-addresses-hint')} rows={3} value={addresses} onChange={(e) => setAddresses(e.target.value)} />
            <p id="queue-addresses-hint" className="hint">
              {t('admin.queues.onePerLine')}
            </p>
            <FieldProblem problem={problem} field="addresses" id="queue-addresses" />
          </>
        )}
        <label htmlFor="queue-ops">{t('admin.queues.opsEmails')}</label>
        <textarea {...fieldProps(problem, 'opsEmails', 'queue-ops', 'queue-ops-hint')} rows={3} value={opsEmails} onChange={(e) => setOpsEmails(e.target.value)} />
        <p id="queue-ops-hint" className="hint">
          {t('admin.queues.opsHint')}
        </p>
        <FieldProblem problem={problem} field="opsEmails" id="queue-ops" />
        <div className="admin-check">
          <input id="queue-restricted" type="checkbox" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} />
          <label htmlFor="queue-restricted">{t('admin.queues.restrictedLabel')}</label>
        </div>
        <div className="admin-check">
          <input id="queue-emergency" type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />
          <label htmlFor="queue-emergency">{t('admin.queues.emergency')}</label>
        </div>
        <QueueSettingsFields draft={settings} onChange={setSettings} problem={problem} />
        <button type="submit" disabled={save.isPending || Object.keys(change).length === 0}>
          {t('admin.save')}
        </button>
      </form>
      <FormProblem problem={problem} />
      {saved && (
        <p role="status" className="ok">
          {t('admin.saved')}
        </p>
      )}
    </section>
  );
}
