import Handlebars from 'handlebars';

export interface RenderedMessage {
  subject: string;
  text: string;
}

// Plain-text mail: no HTML escaping; an isolated environment so no helper leaks in.
const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function compile(source: string): Handlebars.TemplateDelegate {
  let template = compiled.get(source);
  if (!template) {
    template = handlebars.compile(source, { noEscape: true, strict: false, knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } });
    compiled.set(source, template);
  }
  return template;
}

/** Renders a stored template's subject and body with the given context. */
export function renderTemplate(template: { subject: string; body: string }, context: object): RenderedMessage {
  const subject = compile(template.subject)(context).replace(/[\r\n]+/g, ' ').trim();
  return { subject, text: compile(template.body)(context) };
}
