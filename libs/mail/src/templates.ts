export { checkTemplate, describeProblem, type TemplateCheck, type TemplatePart, type TemplateProblem } from './templates/check-template.js';
export { formatDate } from './templates/template-helpers.js';
export { renderMessage, type Reader, type RenderedMail } from './templates/render-message.js';
export { composeAnswer, type ComposedAnswer } from './templates/compose-answer.js';
