import Handlebars from 'handlebars';
import { TEMPLATE_BLOCK_HELPERS, TEMPLATE_HELPERS, type TemplateScope, type TemplateSources } from '@casework/domain';

export type TemplatePart = 'subject' | 'text' | 'html';

/** One thing wrong with a template: where (part, 1-based line and 0-based column), the name at fault, and what. */
export interface TemplateProblem {
  part: TemplatePart;
  line: number;
  column: number;
  name: string | null;
  message: string;
}

export interface TemplateCheck {
  problems: TemplateProblem[];
  /** Every variable the template reads (leaves, dotted), helpers' implicit ones included. */
  uses: Set<string>;
}

type Node = hbs.AST.Node;
type Located = { loc?: hbs.AST.SourceLocation | null };

const STYLES = ['short', 'medium', 'long', 'full'];
// Helpers that read a variable of the root context without naming it.
const IMPLICIT_USES: Partial<Record<string, string>> = { ticketNumber: 'ticket.number', ticketTag: 'ticket.number', slaDue: 'ticket.slaDueAt', quote: 'previous.text' };

/**
 * The static half of strict variables: parses each part and walks its syntax tree against the
 * scope's variables, helpers and partials, so an unknown name fails when the template is saved
 * or previewed (with its part, line and name) rather than when a mail is sent. The renderer's
 * handlebars `strict` mode is the other half. Unescaped output (`{{{…}}}`) is refused: every
 * variable is HTML-escaped in the HTML part.
 */
export function checkTemplate(sources: TemplateSources, scope: TemplateScope): TemplateCheck {
  const problems: TemplateProblem[] = [];
  const uses = new Set<string>();
  const parts: [TemplatePart, string | null][] = [['subject', sources.subject], ['text', sources.text], ['html', sources.html]];
  for (const [part, source] of parts) {
    if (source === null) continue;
    let program: hbs.AST.Program;
    try {
      program = Handlebars.parse(source);
    } catch (error) {
      problems.push(syntaxProblem(part, error));
      continue;
    }
    new TemplateWalker(part, scope, problems, uses).walk(program);
  }
  return { problems, uses };
}

/** `subject line 1:9 unknown variable "ticket.nmber" (did you mean "ticket.number"?)`: a problem as the API reports it. */
export function describeProblem(problem: TemplateProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

function syntaxProblem(part: TemplatePart, error: unknown): TemplateProblem {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const text = String(e.message ?? error);
  const line = e.lineNumber ?? Number(/on line (\d+)/.exec(text)?.[1] ?? 1);
  // Jison's message ends with "Expecting …, got …"; the lines between are a snippet and a caret.
  const detail = text.split('\n').pop()!.replace(/ - \d+:\d+$/, '');
  return { part, line, column: e.column ?? 0, name: null, message: `syntax error: ${detail}` };
}

class TemplateWalker {
  constructor(
    private readonly part: TemplatePart,
    private readonly scope: TemplateScope,
    private readonly problems: TemplateProblem[],
    private readonly uses: Set<string>,
  ) {}

  walk(node: Node): void {
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) this.walk(statement);
        return;
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement);
      case 'PartialStatement':
        return this.partial(node as hbs.AST.PartialStatement);
      case 'SubExpression': {
        const call = node as hbs.AST.SubExpression;
        return this.helperCall(call.path, call.params, call.hash, call);
      }
      case 'PathExpression':
        return this.variable(node as hbs.AST.PathExpression, false);
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
      case 'UndefinedLiteral':
        return;
      default:
        this.report(node as Located, null, `${node.type} is not supported in templates`);
    }
  }

  private mustache(node: hbs.AST.MustacheStatement): void {
    if (!node.escaped) this.report(node, pathName(node.path), 'unescaped output ({{{…}}} or {{&…}}) is not allowed: variables are always escaped');
    if (node.path.type !== 'PathExpression') return this.walk(node.path);
    const path = node.path as hbs.AST.PathExpression;
    const takesArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (takesArguments || isHelper(path.original)) return this.helperCall(path, node.params, node.hash, node);
    this.variable(path, false);
  }

  private block(node: hbs.AST.BlockStatement): void {
    const name = pathName(node.path);
    if (!(TEMPLATE_BLOCK_HELPERS as readonly string[]).includes(name ?? '')) {
      this.report(node, name, `unknown block helper "${name}" (blocks: ${TEMPLATE_BLOCK_HELPERS.join(', ')})`);
    } else if (node.params.length !== 1) {
      this.report(node, name, `{{#${name}}} takes one value`);
    }
    if (node.program.blockParams?.length) this.report(node, name, 'block parameters (as |…|) are not supported');
    for (const param of node.params) {
      if (param.type === 'PathExpression') this.variable(param as hbs.AST.PathExpression, true);
      else this.walk(param);
    }
    this.walk(node.program);
    if (node.inverse) this.walk(node.inverse);
  }

  private partial(node: hbs.AST.PartialStatement): void {
    const name = pathName(node.name as hbs.AST.PathExpression);
    if (this.part === 'subject') return this.report(node, name, 'partials cannot be used in the subject');
    if (!this.scope.partials.includes(name ?? '')) {
      const known = this.scope.partials.length ? ` (partials: ${this.scope.partials.join(', ')})` : ' (this template takes none)';
      return this.report(node, name, `unknown partial "${name}"${known}`);
    }
    if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) this.report(node, name, 'partials take no arguments');
  }

  private helperCall(path: hbs.AST.Expression, params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, at: Located): void {
    const name = pathName(path);
    const helper = name !== null && isHelper(name) ? TEMPLATE_HELPERS[name as keyof typeof TEMPLATE_HELPERS] : null;
    if (!helper) {
      this.report(at, name, `unknown helper "${name}" (helpers: ${Object.keys(TEMPLATE_HELPERS).join(', ')})`);
    } else {
      if (params.length < helper.minParams || params.length > helper.maxParams) {
        const wanted = helper.minParams === helper.maxParams ? `${helper.minParams}` : `${helper.minParams} to ${helper.maxParams}`;
        this.report(at, name, `helper "${name}" takes ${wanted} value(s), got ${params.length}`);
      }
      if ((hash?.pairs.length ?? 0) > 0) this.report(at, name, `helper "${name}" takes no named arguments`);
      const style = name === 'date' ? params[1] : name === 'slaDue' ? params[0] : undefined;
      if (style && !(style.type === 'StringLiteral' && STYLES.includes((style as hbs.AST.StringLiteral).value))) {
        this.report(at, name, `the style of "${name}" is one of ${STYLES.map((s) => `"${s}"`).join(', ')}`);
      }
      const implicit = IMPLICIT_USES[name!];
      if (implicit && params.length === 0) this.uses.add(implicit);
    }
    for (const param of params) if (!(name === 'slaDue' || (name === 'date' && param === params[1]))) this.walk(param);
  }

  /** A variable read: a known leaf, or (as a condition) an object of known leaves. */
  private variable(path: hbs.AST.PathExpression, asCondition: boolean): void {
    let name = path.parts.join('.');
    if (path.data) {
      if (!path.original.startsWith('@root.')) return this.report(path, path.original, `unknown variable "${path.original}"`);
    } else if (path.depth > 0 || path.original.startsWith('this') || path.original.startsWith('.')) {
      return this.report(path, path.original, `unknown variable "${path.original}" (name variables from the top, e.g. ticket.number)`);
    }
    if (name === '') name = path.original;
    if (this.scope.variables.has(name)) {
      this.uses.add(name);
      return;
    }
    if (asCondition && [...this.scope.variables].some((known) => known.startsWith(`${name}.`))) return;
    const hint = closest(name, this.scope.variables);
    this.report(path, name, `unknown variable "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }

  private report(node: Located, name: string | null, message: string): void {
    this.problems.push({ part: this.part, line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0, name, message });
  }
}

function isHelper(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_HELPERS, name);
}

function pathName(node: hbs.AST.Expression | hbs.AST.PathExpression): string | null {
  return node.type === 'PathExpression' ? (node as hbs.AST.PathExpression).original : null;
}

/** The known name nearest to a misspelt one (at most two edits away), for the message. */
function closest(name: string, known: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
