import { t } from '../../i18n/index';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A rule's condition in one line (`subject contains "urgent"`, `any of (…; …)`): field names,
 * operators and values stay as the API spells them, the joining words are the reader's language.
 */
export function conditionSummary(when: unknown): string {
  if (!isObject(when)) return String(when);
  if (Array.isArray(when.all)) return when.all.length === 0 ? t('adminConfig.rules.always') : t('adminConfig.rules.allOf', { list: when.all.map(conditionSummary).join('; ') });
  if (Array.isArray(when.any)) return t('adminConfig.rules.anyOf', { list: when.any.map(conditionSummary).join('; ') });
  if ('not' in when) return t('adminConfig.rules.not', { condition: conditionSummary(when.not) });
  const value = Array.isArray(when.value) ? `[${when.value.map((item) => JSON.stringify(item)).join(', ')}]` : JSON.stringify(when.value);
  return `${String(when.field)} ${String(when.op)} ${value}${when.caseSensitive ? ` (${t('adminConfig.rules.caseSensitive')})` : ''}`;
}

/** The actions in order (`setPriority high, addTags legal, stop`). */
export function actionsSummary(then: unknown): string {
  if (!Array.isArray(then) || then.length === 0) return t('adminConfig.rules.noActions');
  return then.map(actionSummary).join(', ');
}

export function actionSummary(action: unknown): string {
  if (!isObject(action)) return String(action);
  const { type, ...rest } = action;
  const args = Object.values(rest).map((value) => (Array.isArray(value) ? value.join(' ') : String(value)));
  return [String(type), ...args].join(' ');
}
