import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import type { Rule } from '../config-types';
import { FieldProblems } from '../templates/field-problems';
import { RULES_KEY } from './rule-editor';
import { actionsSummary, conditionSummary } from './rule-summary';

/** Positions far enough apart that a rule added later by position can go between two. */
const POSITION_STEP = 10;

/** The rules a move saves: the new order's positions, for each rule whose position changes. */
export function repositioned(rules: readonly Rule[], from: number, to: number): { rule: Rule; position: number }[] {
  const order = [...rules];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  return order.map((rule, index) => ({ rule, position: (index + 1) * POSITION_STEP })).filter(({ rule, position }) => rule.position !== position);
}

/** The rules in the order the router tries them, each movable, editable and deletable. */
export function RuleList({ rules, onEdit }: { rules: Rule[]; onEdit: (rule: Rule) => void }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: RULES_KEY });
  const move = useMutation({
    mutationFn: async ({ from, to }: { from: number; to: number }) => {
      for (const { rule, position } of repositioned(rules, from, to)) await api(`/rules/${rule.id}`, 'PUT', { name: rule.name, enabled: rule.enabled, when: rule.when, then: rule.then, position });
    },
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => api(`/rules/${id}`, 'DELETE'), onSettled: refresh, onSuccess: () => setConfirming(null) });
  if (rules.length === 0) return <p className="hint">{t('adminConfig.rules.none')}</p>;
  return (
    <>
      <FieldProblems error={move.error ?? remove.error} />
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
                <button type="button" disabled={index === 0 || move.isPending} onClick={() => move.mutate({ from: index, to: index - 1 })} aria-label={t('adminConfig.rules.moveUpNamed', { name: rule.name })}>
                  ↑
                </button>
                <button type="button" disabled={index === rules.length - 1 || move.isPending} onClick={() => move.mutate({ from: index, to: index + 1 })} aria-label={t('adminConfig.rules.moveDownNamed', { name: rule.name })}>
                  ↓
                </button>
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
