import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import type { Rule } from '../config-types';
import { FieldProblems } from '../templates/field-problems';
import { definitionOf, EMPTY_SIMPLE_RULE, simpleRuleOf, type SimpleRule } from './simple-rule';
import { SimpleRuleFields } from './simple-rule-fields';

export const RULES_KEY = ['admin', 'rules'] as const;

/** The rule as it stands in the editor, unsaved: what a dry run can try instead of the stored rules. */
export interface DraftRule {
  id: string;
  name: string;
  enabled: true;
  when: unknown;
  then: unknown;
}

class LocalJsonError extends Error {}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function parsed(part: 'when' | 'then', text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LocalJsonError(t('adminConfig.rules.badJson', { part, reason: error instanceof Error ? error.message : '' }));
  }
}

/**
 * A new rule, or one to change: the form for the common case (one condition, the usual actions),
 * or its `when` and `then` as JSON for everything else. The API checks either (a 400 names the
 * path at fault, e.g. when.value for a bad regex) and the router uses it from its next mail.
 */
export function RuleEditor({ rule, onDone, onDraft }: { rule: Rule | null; onDone: () => void; onDraft?: (draft: DraftRule | null) => void }) {
  const client = useQueryClient();
  const initialForm = rule ? simpleRuleOf(rule.when, rule.then) : EMPTY_SIMPLE_RULE;
  const [name, setName] = useState(rule?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [asJson, setAsJson] = useState(initialForm === null);
  const [form, setForm] = useState<SimpleRule>(initialForm ?? EMPTY_SIMPLE_RULE);
  const [whenText, setWhenText] = useState(pretty(rule?.when ?? definitionOf(EMPTY_SIMPLE_RULE).when));
  const [thenText, setThenText] = useState(pretty(rule?.then ?? []));
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let definition: { when: unknown; then: unknown } | null;
    try {
      definition = asJson ? { when: JSON.parse(whenText), then: JSON.parse(thenText) } : definitionOf(form);
    } catch {
      definition = null;
    }
    onDraft?.(definition && { id: 'draft', name: name.trim() || t('adminConfig.dryRun.draftName'), enabled: true, ...definition });
  }, [asJson, whenText, thenText, form, name, onDraft]);
  const save = useMutation({
    mutationFn: () => {
      const definition = asJson ? { when: parsed('when', whenText), then: parsed('then', thenText) } : definitionOf(form);
      const body = { name: name.trim(), enabled, ...definition };
      return rule ? api<Rule>(`/rules/${rule.id}`, 'PUT', body) : api<Rule>('/rules', 'POST', body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: RULES_KEY });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const toggleJson = () => {
    setNotice(null);
    if (!asJson) {
      const definition = definitionOf(form);
      setWhenText(pretty(definition.when));
      setThenText(pretty(definition.then));
      setAsJson(true);
      return;
    }
    let fits: SimpleRule | null = null;
    try {
      fits = simpleRuleOf(JSON.parse(whenText), JSON.parse(thenText));
    } catch {
      fits = null;
    }
    if (fits) {
      setForm(fits);
      setAsJson(false);
    } else setNotice(t('adminConfig.rules.doesNotFit'));
  };
  const heading = rule ? t('adminConfig.rules.editHeading', { name: rule.name }) : t('adminConfig.rules.newHeading');
  return (
    <section aria-labelledby="rule-editor-heading" className="config-form rule-editor">
      <h2 id="rule-editor-heading">{heading}</h2>
      <form onSubmit={submit}>
        <label htmlFor="rule-name">{t('adminConfig.rules.name')}</label>
        <input id="rule-name" dir="auto" value={name} required onChange={(event) => setName(event.target.value)} />
        <label className="inline">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> {t('adminConfig.rules.enabled')}
        </label>
        {asJson ? (
          <>
            <label htmlFor="rule-when">{t('adminConfig.rules.whenJson')}</label>
            <textarea id="rule-when" className="code" dir="ltr" rows={8} spellCheck={false} value={whenText} onChange={(event) => setWhenText(event.target.value)} aria-describedby="rule-json-hint" />
            <label htmlFor="rule-then">{t('adminConfig.rules.thenJson')}</label>
            <textarea id="rule-then" className="code" dir="ltr" rows={6} spellCheck={false} value={thenText} onChange={(event) => setThenText(event.target.value)} aria-describedby="rule-json-hint" />
            <span id="rule-json-hint" className="hint">
              {t('adminConfig.rules.jsonHint')}
            </span>
          </>
        ) : (
          <SimpleRuleFields form={form} onChange={setForm} />
        )}
        {save.error instanceof LocalJsonError ? <p role="alert">{save.error.message}</p> : <FieldProblems error={save.error} />}
        {notice && <p role="status">{notice}</p>}
        <div className="config-actions">
          <button type="submit" disabled={save.isPending}>
            {rule ? t('adminConfig.rules.save') : t('adminConfig.rules.create')}
          </button>
          <button type="button" onClick={toggleJson}>
            {asJson ? t('adminConfig.rules.useForm') : t('adminConfig.rules.useJson')}
          </button>
          {rule && (
            <button type="button" onClick={onDone}>
              {t('adminConfig.rules.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
