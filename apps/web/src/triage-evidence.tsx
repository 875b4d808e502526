import type { Triage } from './api/types';
import { t } from './i18n/index';

/** What triage found and why: each category with the phrase that matched (as text), and whether it was dismissed. */
export function TriageEvidence({ triage }: { triage: Triage }) {
  if (!triage || triage.categories.length === 0) return null;
  return (
    <section className="triage-evidence" aria-label={t('triage.heading')}>
      <h2>{t('triage.heading')}</h2>
      <ul>
        {triage.categories.map((hit) => (
          <li key={hit.category} className={hit.dismissed ? 'dismissed' : `level-${hit.level}`}>
            <strong>{hit.category.replace(/_/g, ' ')}</strong> — {t('triage.level', { level: hit.level })}
            {hit.language && <span className="quiet"> ({hit.language})</span>}
            {hit.evidence && (
              <>
                {': '}
                <q dir="auto">{hit.evidence}</q>
              </>
            )}
            {hit.dismissed && <span className="badge quiet">{t('triage.dismissed')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
