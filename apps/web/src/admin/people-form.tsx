import { ApiError } from '../api/client';
import { t } from '../i18n/index';

/** What the API said about a refused change: its message, and for a 400 the fields it named. */
export interface Problem {
  message: string;
  fields: Record<string, string[]>;
}

export function problemOf(error: unknown): Problem | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    const fields = (error.body as { fields?: Record<string, string[]> } | null)?.fields ?? {};
    return { message: error.message, fields };
  }
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}

/** Beside the form: the refusal as text, each field's problems named (the API's words, bounded by it). */
export function FormProblem({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  const fields = Object.entries(problem.fields);
  return (
    <div role="alert" className="form-problem">
      <p>{t('admin.refused', { message: problem.message })}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, problems]) => (
            <li key={field}>
              <code>{field}</code>: {problems.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The props tying an input to its hint (if any) and to its own problem text, when the API named its field. */
export function fieldProps(problem: Problem | null, field: string, id: string, hintId?: string) {
  const named = Boolean(problem?.fields[field]);
  const describedBy = [hintId, named ? `${id}-problem` : undefined].filter(Boolean).join(' ');
  return { id, 'aria-invalid': named || undefined, 'aria-describedby': describedBy || undefined };
}

export function FieldProblem({ problem, field, id }: { problem: Problem | null; field: string; id: string }) {
  const problems = problem?.fields[field];
  if (!problems) return null;
  return (
    <p id={`${id}-problem`} className="field-problem">
      {problems.join('; ')}
    </p>
  );
}

/** A form field's value as the API wants it: trimmed, and absent when left empty. */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** One address a line (or comma), blanks dropped. */
export function addressList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
