import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import type { Rule } from '../config-types';
import { FieldProblems } from '../templates/field-problems';
import { RULES_KEY } from './rule-editor';
import { actionsSummary, conditionSummary } from './rule-summary';
import { useRuleMove, type Direction } from './use-rule-move';

/**
 * The rules in the order the router tries them, each movable, editable and deletable. The move
 * buttons stay focusable while a move is saved (a disabled or re-ordered button would drop a
 * keyboard user's focus); focus is put back on the moved rule's button once the list shows it.
 */
export function RuleList({ rules, onEdit }: { rules: Rule[]; onEdit: (rule: Rule) => void }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const { move, announcement, focusAfterMove } = useRuleMove();
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const same = moveButtons.current.get(`${target.ruleId}:${target.direction}`);
    const other = moveButtons.current.get(`${target.ruleId}:${target.direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [rules, focusAfterMove]);
  const remove = useMutation({ mutationFn: (id: string) => api(`/rules/${id}`, 'DELETE'), onSettled: () => client.invalidateQueries({ queryKey: RULES_KEY }), onSuccess: () => setConfirming(null) });
  if (rules.length === 0) return <p className="hint">{t('adminConfig.rules.none')}</p>;
  const moveButton = (rule: Rule, direction: Direction, atEnd: boolean) => {
    const label = t(direction === 'up' ? 'adminConfig.rules.moveUpNamed' : 'adminConfig.rules.moveDownNamed', { name: rule.name });
    const key = `${rule.id}:${direction}`;
    return (
      <button
        type="button"
        ref={(button) => {
          if (button) moveButtons.current.set(key, button);
          else moveButtons.current.delete(key);
        }}
        disabled={atEnd}
        aria-disabled={move.isPending || undefined}
        onClick={() => {
          if (!move.isPending) move.mutate({ rule, direction });
        }}
        aria-label={label}
        title={label}
      >
        <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
      </button>
    );
  };
  return (
    <>
      <FieldProblems error={move.error ?? remove.error} />
      <p role="status" className="hint">
        {announcement}
      </p>
      <table className="config-table rules-table">
        <caption className="visually-hidden">{t('adminConfig.rules.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('adminConfig.rules.name')}</th>
            <th scope="col">{t('adminConfig.rules.enabled')}</th>
            <th scope="col">{t('adminConfig.rules.when')}</th>
            <th scope="col">{t('adminConfig.rules.then')}</th>
            <th scope="col">{t('adminConfig.rules.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={rule.id} className={rule.enabled ? undefined : 'disabled'}>
              <td>{index + 1}</td>
              <td dir="auto">{rule.name}</td>
              <td>{rule.enabled ? t('adminConfig.rules.on') : t('adminConfig.rules.off')}</td>
              <td>
                <code dir="auto">{conditionSummary(rule.when)}</code>
              </td>
              <td>
                <code dir="auto">{actionsSummary(rule.then)}</code>
              </td>
              <td className="row-actions">
                <button type="button" onClick={() => onEdit(rule)} aria-label={t('adminConfig.rules.editNamed', { name: rule.name })}>
                  {t('adminConfig.rules.edit')}
                </button>
                {moveButton(rule, 'up', index === 0)}
                {moveButton(rule, 'down', index === rules.length - 1)}
                {confirming === rule.id ? (
                  <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate(rule.id)} aria-label={t('adminConfig.rules.confirmDeleteNamed', { name: rule.name })}>
                    {t('adminConfig.rules.confirmDelete')}
                  </button>
                ) : (
                  <button type="button" onClick={() => setConfirming(rule.id)} aria-label={t('adminConfig.rules.deleteNamed', { name: rule.name })}>
                    {t('adminConfig.rules.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
