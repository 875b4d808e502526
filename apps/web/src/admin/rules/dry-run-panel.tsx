import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { t, type MessageKey } from '../../i18n/index';
import type { DryRunResult } from '../config-types';
import { FieldProblems } from '../templates/field-problems';
import type { DraftRule } from './rule-editor';
import { actionsSummary } from './rule-summary';

/** The request: a stored raw message when its id is given, else the pasted mail; with a draft, it alone is tried. */
export function dryRunRequest(mime: string, rawMessageId: string, draft: DraftRule | null = null): object {
  const message = rawMessageId.trim() ? { rawMessageId: rawMessageId.trim() } : { mime: mime.replace(/\r?\n/g, '\r\n') };
  return draft ? { ...message, rules: [draft] } : message;
}

/** Which enabled rules (or the unsaved rule in the editor) a mail would match and what routing would then do, changing nothing. */
export function DryRunPanel({ draft }: { draft: DraftRule | null }) {
  const [mime, setMime] = useState('');
  const [rawMessageId, setRawMessageId] = useState('');
  const [tryDraft, setTryDraft] = useState(false);
  const run = useMutation({ mutationFn: () => api<DryRunResult>('/rules/dry-run', 'POST', dryRunRequest(mime, rawMessageId, tryDraft ? draft : null)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  return (
    <section aria-labelledby="dry-run-heading" className="config-form dry-run">
      <h2 id="dry-run-heading">{t('adminConfig.dryRun.heading')}</h2>
      <form onSubmit={submit}>
        <label htmlFor="dry-run-mime">{t('adminConfig.dryRun.mime')}</label>
        <textarea id="dry-run-mime" className="code" dir="ltr" rows={8} spellCheck={false} value={mime} disabled={rawMessageId.trim() !== ''} placeholder={'From: rita@example.org\nTo: safety@example.org\nSubject: …\n\n…'} onChange={(event) => setMime(event.target.value)} />
        <label htmlFor="dry-run-raw">{t('adminConfig.dryRun.rawMessageId')}</label>
        <input id="dry-run-raw" dir="ltr" value={rawMessageId} onChange={(event) => setRawMessageId(event.target.value)} />
        <label className="inline">
          <input type="checkbox" checked={tryDraft} onChange={(event) => setTryDraft(event.target.checked)} aria-describedby={tryDraft && !draft ? 'dry-run-draft-hint' : undefined} /> {t('adminConfig.dryRun.tryDraft')}
        </label>
        {tryDraft && !draft && (
          <span id="dry-run-draft-hint" className="hint">
            {t('adminConfig.dryRun.draftUnreadable')}
          </span>
        )}
        <button type="submit" disabled={run.isPending || (!mime.trim() && !rawMessageId.trim()) || (tryDraft && !draft)}>
          {t('adminConfig.dryRun.run')}
        </button>
      </form>
      <FieldProblems error={run.error} />
      {run.data && !run.isError && <DryRunVerdict result={run.data} />}
    </section>
  );
}

export function DryRunVerdict({ result }: { result: DryRunResult }) {
  const { outcome, mail } = result;
  const yesNo = (value: boolean) => t(value ? 'adminConfig.yes' : 'adminConfig.no');
  const nameOf = (ruleId: string) => result.matched.find((match) => match.ruleId === ruleId)?.name ?? ruleId;
  const rows: [MessageKey, string][] = [
    ['adminConfig.dryRun.queue', outcome.queue ? outcome.queue.name : t('adminConfig.dryRun.byAddress')],
    ['adminConfig.dryRun.priority', outcome.priority ? t(`priority.${outcome.priority}` as MessageKey) : t('adminConfig.rules.unchanged')],
    ['adminConfig.dryRun.tags', outcome.tags.length ? outcome.tags.join(', ') : t('adminConfig.dryRun.noTags')],
    ['adminConfig.dryRun.assignee', outcome.assigneeId ?? t('adminConfig.rules.unchanged')],
    ['adminConfig.dryRun.acknowledgement', outcome.suppressAcknowledgement ? t('adminConfig.dryRun.suppressed') : t('adminConfig.dryRun.sent')],
    ['adminConfig.dryRun.spam', yesNo(outcome.spam)],
    ['adminConfig.dryRun.stoppedAt', outcome.stoppedAt ? nameOf(outcome.stoppedAt) : t('adminConfig.dryRun.notStopped')],
  ];
  return (
    <div role="region" aria-label={t('adminConfig.dryRun.result')} className="dry-run-result">
      <p>
        {t(result.ruleSet === 'stored' ? 'adminConfig.dryRun.storedSet' : 'adminConfig.dryRun.candidateSet', { count: result.enabledRules })}{' '}
        <span dir="auto">{t('adminConfig.dryRun.seen', { from: mail.from ?? '—', subject: mail.subject, language: mail.language ?? '—' })}</span>
      </p>
      <h3>{t('adminConfig.dryRun.matched')}</h3>
      {result.matched.length === 0 ? (
        <p>{t('adminConfig.dryRun.noMatch')}</p>
      ) : (
        <ol className="matched-rules">
          {result.matched.map((match) => (
            <li key={match.ruleId}>
              <span dir="auto">{match.name}</span> — <code>{actionsSummary(match.actions)}</code>
            </li>
          ))}
        </ol>
      )}
      <h3>{t('adminConfig.dryRun.outcome')}</h3>
      <dl className="outcome">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd dir="auto">{value}</dd>
          </div>
        ))}
      </dl>
      {result.skipped.length > 0 && (
        <>
          <h3>{t('adminConfig.dryRun.skipped')}</h3>
          <ul>
            {result.skipped.map((skip) => (
              <li key={skip.ruleId}>
                <code>{skip.ruleId}</code>: {skip.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
