import { templateKeyProblem, templateScope, type TemplateKind, type TemplateSources } from '@casework/domain';
import { checkTemplate, describeProblem, type TemplateCheck } from '@casework/mail';
import { TemplateErrors } from './template.errors.js';

/**
 * The save-time (and preview-time) check of a template: its key fits its kind, a partial has
 * only a text part, and every part uses only the catalog's variables, helpers and partials for
 * its kind and key. A 400 names each part and, per problem, its line, column and the name at fault.
 */
export function requireValidTemplate(kind: TemplateKind, key: string, sources: TemplateSources): TemplateCheck {
  const fields: Record<string, string[]> = {};
  const keyProblem = templateKeyProblem(kind, key);
  if (keyProblem) fields.key = [keyProblem];
  if (kind === 'partial' && sources.subject.trim() !== '') fields.subject = ['a partial has no subject'];
  if (kind === 'partial' && sources.html !== null) fields.html = ['a partial has a text part only (the HTML part of the mail is made from it)'];
  const check = checkTemplate(sources, templateScope(kind, key));
  for (const problem of check.problems) (fields[problem.part] ??= []).push(describeProblem(problem));
  if (Object.keys(fields).length > 0) throw TemplateErrors.invalid(fields);
  return check;
}
