import Handlebars from 'handlebars';
import { PARTIAL_KEYS, textDirection, type TemplateContext, type TemplateSources } from '@casework/domain';
import { sanitizeEmailHtml } from '../sanitize-html.js';
import { htmlDocument, paragraphsFromText } from './html-layout.js';
import { KNOWN_HELPERS, registerTemplateHelpers, type RenderData } from './template-helpers.js';

export interface RenderedMail {
  subject: string;
  text: string;
  /** A whole HTML document: the template's HTML part (sanitised), or its text part made into paragraphs. */
  html: string;
}

/** Who reads the mail: dates are written in their language and time zone. */
export interface Reader {
  locale: string;
  timeZone: string;
}

type Mode = 'text' | 'html';

// An isolated environment: no helper or partial registered elsewhere leaks in.
const env = Handlebars.create();
registerTemplateHelpers(env);

// Compiled templates by mode and source; bounded, since previews compile whatever they are sent.
const MAX_COMPILED = 1000;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compile(source: string, mode: Mode): Handlebars.TemplateDelegate {
  const key = `${mode}\u0000${source}`;
  let template = compiled.get(key);
  if (!template) {
    // strict: a name missing from the context throws (the save-time check keeps that from happening);
    // text parts are not HTML-escaped, HTML parts are. ignoreStandalone: a tag alone on its line keeps
    // the line's breaks, so what an admin writes is what is sent (tidyText folds the blank lines left).
    template = env.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS, noEscape: mode === 'text', ignoreStandalone: true });
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, template);
  }
  return template;
}

/**
 * Renders a template checked by checkTemplate with a context built to the catalog
 * (libs/domain template-context), with its partials (salutation, signature; a missing one
 * renders empty). Variables are HTML-escaped in the HTML part; the document carries `dir`.
 */
export function renderMessage(template: TemplateSources, partials: Record<string, Pick<TemplateSources, 'text'>>, context: TemplateContext, reader: Reader): RenderedMail {
  const dir = textDirection(reader.locale);
  const data = (part: Mode): RenderData => ({ locale: reader.locale, timeZone: reader.timeZone, part, dir });
  const partialsIn = (mode: Mode, breaks: boolean) =>
    Object.fromEntries(
      Object.entries(partials).map(([name, partial]) => {
        const render = compile(partial.text, mode);
        // Inside an HTML part the partial's line breaks become <br> (no newline, which the text-to-HTML pass would break again).
        return [name, breaks ? (ctx: unknown, options?: Handlebars.RuntimeOptions) => render(ctx, options).replace(/\r?\n/g, '<br>') : render];
      }),
    );
  const empty = (names: string[]) => Object.fromEntries(names.map((name) => [name, () => '']));
  const missing = PARTIAL_KEYS.filter((name) => !(name in partials));

  const subject = compile(template.subject, 'text')(context, { data: data('text') }).replace(/\s+/g, ' ').trim();
  const text = compile(template.text, 'text')(context, { data: data('text'), partials: { ...empty(missing), ...partialsIn('text', false) } });
  const content =
    template.html === null
      ? paragraphsFromText(compile(template.text, 'html')(context, { data: data('html'), partials: { ...empty(missing), ...partialsIn('html', false) } }))
      : sanitizeEmailHtml(compile(template.html, 'html')(context, { data: data('html'), partials: { ...empty(missing), ...partialsIn('html', true) } }));
  return { subject, text: tidyText(text), html: htmlDocument(content, reader.locale, dir) };
}

/** No run of blank lines longer than one, no trailing spaces (an empty partial or condition leaves them). */
function tidyText(text: string): string {
  return text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
