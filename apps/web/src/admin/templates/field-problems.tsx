import { t } from '../../i18n/index';
import { problemsOf } from '../config-types';

interface Props {
  error: unknown;
  id?: string;
  /** Only these fields (e.g. the one template part this list sits under); nothing when none is at fault. */
  only?: readonly string[];
  /** Every field but these (they are shown next to their inputs). */
  except?: readonly string[];
}

/**
 * What the API refused, as it said it: each field or template part at fault with its problems
 * (line, column and the name, for a template), so the fix sits next to the mistake.
 */
export function FieldProblems({ error, id, only, except = [] }: Props) {
  if (!error) return null;
  const { fields, message } = problemsOf(error);
  const shown = fields.filter(([field]) => (only ? only.includes(field) : !except.includes(field)));
  // A refusal without fields (a conflict, a lost connection) is said once, where no `only` is asked.
  if (shown.length === 0 && (only || fields.length > 0)) return null;
  return (
    <div role="alert" id={id} className="field-problems">
      {shown.length === 0 ? (
        <p>{t('adminConfig.refused', { message })}</p>
      ) : (
        <ul>
          {shown.map(([field, problems]) =>
            problems.map((problem, index) => (
              <li key={`${field}-${index}`}>
                <code>{field}</code>: <span dir="auto">{problem}</span>
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}
