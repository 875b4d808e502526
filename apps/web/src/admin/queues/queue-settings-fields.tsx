import { memo, type InputHTMLAttributes, type ReactNode } from 'react';
import { languageName } from '../../composer/template-picker';
import { t, type MessageKey } from '../../i18n/index';
import { timeZones } from '../../time-zones';
import { TEMPLATE_LOCALES } from '../config-types';
import { FieldProblem, fieldProps, type Problem } from '../people-form';
import { UNKNOWN_SENDER_FOLLOWUPS, type UnknownSenderFollowup } from '../people-types';
import type { QueueSettingKey, QueueSettingsDraft } from './queue-settings';

const FOLLOWUP_LABELS: Record<UnknownSenderFollowup, MessageKey> = { flag: 'admin.queueSettings.followupFlag', new_ticket: 'admin.queueSettings.followupNewTicket' };

/** The settings typed as text (numbers and the zone). */
type TypedSetting = 'reopenWindowDays' | 'spamScoreThreshold' | 'retentionDays' | 'maxOpenPerAssignee' | 'timeZone';

interface FieldsProps {
  draft: QueueSettingsDraft;
  onChange: (draft: QueueSettingsDraft) => void;
  problem: Problem | null;
}

/** The queue's routing, language, retention and assignment settings, each with its hint and the API's problem beside it. */
export function QueueSettingsFields({ draft, onChange, problem }: FieldsProps) {
  const set = <Key extends QueueSettingKey>(key: Key, value: QueueSettingsDraft[Key]) => onChange({ ...draft, [key]: value });
  const field = (key: QueueSettingKey, id: string, label: MessageKey, hint: MessageKey, control: (props: ReturnType<typeof fieldProps>) => ReactNode) => (
    <SettingField key={key} field={key} id={id} label={label} hint={hint} problem={problem} control={control} />
  );
  const text = (key: TypedSetting, extra: InputHTMLAttributes<HTMLInputElement> = {}) => (props: ReturnType<typeof fieldProps>) => (
    <input {...props} {...extra} value={draft[key]} onChange={(e) => set(key, e.target.value)} autoComplete="off" />
  );
  const numeric = { inputMode: 'numeric' } as const;
  return (
    <>
      <fieldset>
        <legend>{t('admin.queueSettings.routing')}</legend>
        {field('unknownSenderFollowup', 'queue-followup', 'admin.queueSettings.followup', 'admin.queueSettings.followupHint', (props) => (
          <select {...props} value={draft.unknownSenderFollowup} onChange={(e) => set('unknownSenderFollowup', e.target.value as UnknownSenderFollowup)}>
            {UNKNOWN_SENDER_FOLLOWUPS.map((value) => (
              <option key={value} value={value}>
                {t(FOLLOWUP_LABELS[value])}
              </option>
            ))}
          </select>
        ))}
        {field('reopenWindowDays', 'queue-reopen', 'admin.queueSettings.reopenWindow', 'admin.queueSettings.reopenWindowHint', text('reopenWindowDays', numeric))}
        {field('spamScoreThreshold', 'queue-spam', 'admin.queueSettings.spamThreshold', 'admin.queueSettings.spamThresholdHint', text('spamScoreThreshold'))}
      </fieldset>
      <fieldset>
        <legend>{t('admin.queueSettings.languageAndTime')}</legend>
        {field('defaultLocale', 'queue-locale', 'admin.queueSettings.defaultLocale', 'admin.queueSettings.defaultLocaleHint', (props) => (
          <select {...props} value={draft.defaultLocale} onChange={(e) => set('defaultLocale', e.target.value)}>
            <option value="">{t('admin.queueSettings.defaultLocaleNone')}</option>
            {TEMPLATE_LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {languageName(locale)}
              </option>
            ))}
          </select>
        ))}
        {field('timeZone', 'queue-zone', 'admin.queueSettings.timeZone', 'admin.queueSettings.timeZoneHint', (props) => (
          <>
            {text('timeZone', { list: 'queue-zone-options' })(props)}
            <ZoneOptions id="queue-zone-options" />
          </>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('admin.queueSettings.retention')}</legend>
        {field('retentionDays', 'queue-retention', 'admin.queueSettings.retentionDays', 'admin.queueSettings.retentionDaysHint', text('retentionDays', numeric))}
      </fieldset>
      <fieldset>
        <legend>{t('admin.queueSettings.assignment')}</legend>
        <div className="admin-check">
          <input {...fieldProps(problem, 'autoAssign', 'queue-auto-assign', 'queue-auto-assign-hint')} type="checkbox" checked={draft.autoAssign} onChange={(e) => set('autoAssign', e.target.checked)} />
          <label htmlFor="queue-auto-assign">{t('admin.queueSettings.autoAssign')}</label>
        </div>
        <p id="queue-auto-assign-hint" className="hint">
          {t('admin.queueSettings.autoAssignHint')}
        </p>
        <FieldProblem problem={problem} field="autoAssign" id="queue-auto-assign" />
        {field('maxOpenPerAssignee', 'queue-max-open', 'admin.queueSettings.maxOpen', 'admin.queueSettings.maxOpenHint', text('maxOpenPerAssignee', numeric))}
      </fieldset>
    </>
  );
}

interface SettingFieldProps {
  field: QueueSettingKey;
  id: string;
  label: MessageKey;
  hint: MessageKey;
  problem: Problem | null;
  control: (props: ReturnType<typeof fieldProps>) => ReactNode;
}

/** Label, control, hint, and the API's problem with the field: the control is tied to the hint and the problem. */
function SettingField({ field, id, label, hint, problem, control }: SettingFieldProps) {
  return (
    <>
      <label htmlFor={id}>{t(label)}</label>
      {control(fieldProps(problem, field, id, `${id}-hint`))}
      <p id={`${id}-hint`} className="hint">
        {t(hint)}
      </p>
      <FieldProblem problem={problem} field={field} id={id} />
    </>
  );
}

/** Suggestions for the zone field: some four hundred options, rendered once rather than on every keystroke. */
const ZoneOptions = memo(function ZoneOptions({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {timeZones().map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
});
