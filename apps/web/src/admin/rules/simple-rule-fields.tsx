import { TICKET_PRIORITIES } from '../../api/types';
import { t } from '../../i18n/index';
import { useQueues } from '../templates/template-queries';
import { SIMPLE_FIELDS, SIMPLE_OPERATORS, type SimpleRule } from './simple-rule';

/** The form for the common rule: when one field matches, do these things. */
export function SimpleRuleFields({ form, onChange }: { form: SimpleRule; onChange: (form: SimpleRule) => void }) {
  const queues = useQueues();
  const set = <K extends keyof SimpleRule>(key: K, value: SimpleRule[K]) => onChange({ ...form, [key]: value });
  return (
    <>
      <fieldset>
        <legend>{t('adminConfig.rules.when')}</legend>
        <label htmlFor="rule-field">{t('adminConfig.rules.field')}</label>
        <select id="rule-field" value={form.field} onChange={(event) => set('field', event.target.value as SimpleRule['field'])}>
          {SIMPLE_FIELDS.map((field) => (
            <option key={field} value={field}>
              {t(`adminConfig.rules.field.${field}`)}
            </option>
          ))}
        </select>
        {form.field === 'header' && (
          <>
            <label htmlFor="rule-header">{t('adminConfig.rules.headerName')}</label>
            <input id="rule-header" value={form.header} placeholder="X-Priority" onChange={(event) => set('header', event.target.value)} />
          </>
        )}
        <label htmlFor="rule-op">{t('adminConfig.rules.op')}</label>
        <select id="rule-op" value={form.op} onChange={(event) => set('op', event.target.value as SimpleRule['op'])}>
          {SIMPLE_OPERATORS.map((op) => (
            <option key={op} value={op}>
              {t(`adminConfig.rules.op.${op}`)}
            </option>
          ))}
        </select>
        <label htmlFor="rule-value">{t('adminConfig.rules.value')}</label>
        <input id="rule-value" dir="auto" value={form.value} onChange={(event) => set('value', event.target.value)} aria-describedby={form.op === 'inList' ? 'rule-value-hint' : undefined} />
        {form.op === 'inList' && (
          <span id="rule-value-hint" className="hint">
            {t('adminConfig.rules.listHint')}
          </span>
        )}
        <label className="inline">
          <input type="checkbox" checked={form.caseSensitive} onChange={(event) => set('caseSensitive', event.target.checked)} /> {t('adminConfig.rules.caseSensitive')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('adminConfig.rules.then')}</legend>
        <label htmlFor="rule-queue">{t('adminConfig.rules.setQueue')}</label>
        <select id="rule-queue" value={form.queueSlug} onChange={(event) => set('queueSlug', event.target.value)}>
          <option value="">{t('adminConfig.rules.unchanged')}</option>
          {queues.items.map((queue) => (
            <option key={queue.id} value={queue.slug}>
              {queue.name}
            </option>
          ))}
        </select>
        <label htmlFor="rule-priority">{t('adminConfig.rules.setPriority')}</label>
        <select id="rule-priority" value={form.priority} onChange={(event) => set('priority', event.target.value)}>
          <option value="">{t('adminConfig.rules.unchanged')}</option>
          {TICKET_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`)}
            </option>
          ))}
        </select>
        <label htmlFor="rule-tags">{t('adminConfig.rules.addTags')}</label>
        <input id="rule-tags" value={form.tags} onChange={(event) => set('tags', event.target.value)} aria-describedby="rule-tags-hint" />
        <span id="rule-tags-hint" className="hint">
          {t('adminConfig.rules.listHint')}
        </span>
        <label className="inline">
          <input type="checkbox" checked={form.suppressAcknowledgement} onChange={(event) => set('suppressAcknowledgement', event.target.checked)} /> {t('adminConfig.rules.suppressAcknowledgement')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={form.markSpam} onChange={(event) => set('markSpam', event.target.checked)} /> {t('adminConfig.rules.markSpam')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={form.stop} onChange={(event) => set('stop', event.target.checked)} /> {t('adminConfig.rules.stop')}
        </label>
      </fieldset>
    </>
  );
}
