import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api } from '../api/client';
import { t } from '../i18n/index';
import './admin-config.css';
import type { Rule } from './config-types';
import { DryRunPanel } from './rules/dry-run-panel';
import { RULES_KEY, RuleEditor, type DraftRule } from './rules/rule-editor';
import { RuleList } from './rules/rule-list';

/** /admin/rules: the routing rules in order, an editor for a new or chosen one, and a dry run of a mail against them or the editor's unsaved rule. */
export function RulesPage() {
  const rules = useQuery({ queryKey: RULES_KEY, queryFn: () => api<{ items: Rule[] }>('/rules') });
  const [editing, setEditing] = useState<Rule | null>(null);
  // A new key per finished edit: the editor starts empty again after a create.
  const [round, setRound] = useState(0);
  const [draft, setDraft] = useState<DraftRule | null>(null);
  const onDraft = useCallback((next: DraftRule | null) => setDraft(next), []);
  const done = () => {
    setEditing(null);
    setRound((value) => value + 1);
  };
  return (
    <div className="admin-config">
      <h1>{t('adminConfig.rules.heading')}</h1>
      <p className="hint">{t('adminConfig.rules.intro')}</p>
      {rules.isError && <p role="alert">{t('error.generic', { message: rules.error.message })}</p>}
      {rules.isSuccess && <RuleList rules={rules.data.items} onEdit={setEditing} />}
      <RuleEditor key={editing ? `edit-${editing.id}-${round}` : `new-${round}`} rule={editing} onDone={done} onDraft={onDraft} />
      <DryRunPanel draft={draft} />
    </div>
  );
}
