import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import type { AuditVerdict } from '../config-types';
import { FieldProblems } from '../templates/field-problems';

/** Walks the whole hash chain on request (it reads every event: not on every page load). */
export function VerifyChain({ onVerdict }: { onVerdict?: (verdict: AuditVerdict) => void }) {
  const verify = useMutation({ mutationFn: () => api<AuditVerdict>('/audit/verify'), onSuccess: onVerdict });
  const verdict = verify.data;
  return (
    <section aria-labelledby="verify-heading" className="verify-chain">
      <h2 id="verify-heading">{t('adminConfig.audit.verifyHeading')}</h2>
      <button type="button" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {t('adminConfig.audit.verify')}
      </button>
      <div role="status" className={verdict && !verdict.ok ? 'verdict broken' : 'verdict'}>
        {verify.isPending && t('adminConfig.audit.verifying')}
        {verdict && !verify.isPending && (verdict.ok ? t('adminConfig.audit.chainOk', { count: verdict.checked }) : t('adminConfig.audit.chainBroken', { id: verdict.firstBrokenId ?? '?', count: verdict.checked }))}
      </div>
      <FieldProblems error={verify.error} />
    </section>
  );
}
