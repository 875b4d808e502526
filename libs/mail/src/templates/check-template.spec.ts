import { templateScope } from '@casework/domain';
import { checkTemplate } from './check-template.js';

const ack = templateScope('message', 'acknowledgement');
const check = (text: string, subject = 'Subject', html: string | null = null) => checkTemplate({ subject, text, html }, ack);

describe('checkTemplate: strict variables at save time', () => {
  it('accepts the catalog: variables, helpers, conditionals, partials', () => {
    const { problems, uses } = check('{{> salutation}}\n{{#if requester.name}}{{requester.name}}{{else}}there{{/if}} {{date ticket.createdAt "short"}} {{ticketTag}} {{quote}} {{slaDue}} {{#unless emergency}}ok{{/unless}} {{#if previous}}{{previous.from}}{{/if}}');
    expect(problems).toEqual([]);
    expect([...uses].sort()).toEqual(['emergency', 'previous.from', 'previous.text', 'requester.name', 'ticket.createdAt', 'ticket.number', 'ticket.slaDueAt']);
  });

  it.each([
    ['an unknown variable, with a suggestion', 'Hello\n\n  {{ticket.nmber}}', { part: 'text', line: 3, column: 4, name: 'ticket.nmber', message: 'unknown variable "ticket.nmber" (did you mean "ticket.number"?)' }],
    ['an unknown helper', 'a {{shout ticket.subject}}', { part: 'text', line: 1, column: 2, name: 'shout', message: expect.stringContaining('unknown helper "shout"') }],
    ['an unknown block helper', '{{#each ticket.number}}x{{/each}}', { line: 1, name: 'each', message: expect.stringContaining('unknown block helper "each"') }],
    ['an unknown partial', 'x\n{{> footer}}', { line: 2, name: 'footer', message: expect.stringContaining('unknown partial "footer"') }],
    ['a variable only a reply has', '{{body}}', { name: 'body', message: 'unknown variable "body"' }],
    ['a relative path', '{{../ticket.number}}', { name: '../ticket.number', message: expect.stringContaining('unknown variable') }],
    ['unescaped output', '{{{requester.name}}}', { name: 'requester.name', message: expect.stringContaining('unescaped output') }],
    ['a helper given too many values', '{{ticketTag ticket.number}}', { name: 'ticketTag', message: 'helper "ticketTag" takes 0 value(s), got 1' }],
    ['a bad date style', '{{date ticket.createdAt "huge"}}', { name: 'date', message: expect.stringContaining('the style of "date"') }],
    ['an unknown variable inside a helper', '{{date ticket.closedAt}}', { name: 'ticket.closedAt', message: expect.stringContaining('unknown variable') }],
    ['an unknown variable inside a condition', '{{#if requester.phone}}x{{/if}}', { name: 'requester.phone' }],
    ['a data variable', '{{@index}}', { name: '@index' }],
  ])('refuses %s, naming it and its line', (_case, text, problem) => {
    expect(check(text).problems).toEqual([expect.objectContaining(problem)]);
  });

  it('reports a syntax error with its line, in the part it is in', () => {
    expect(check('fine', 'Hello {{#if ticket.subject}}')).toEqual(expect.objectContaining({ problems: [expect.objectContaining({ part: 'subject', line: 1, message: expect.stringMatching(/^syntax error: Expecting/) })] }));
    expect(check('one\ntwo\n{{ticket.number').problems).toEqual([expect.objectContaining({ part: 'text', line: 3, message: expect.stringMatching(/^syntax error/) })]);
    expect(check('{{#if emergency}}\nx\n{{/unless}}').problems).toEqual([expect.objectContaining({ part: 'text', line: 1, message: expect.stringContaining("if doesn't match unless") })]);
  });

  it('checks the HTML part too, and refuses partials in the subject', () => {
    expect(check('ok', '{{> signature}}').problems).toEqual([expect.objectContaining({ part: 'subject', name: 'signature' })]);
    expect(check('ok', 'ok', '<p>{{queue.adress}}</p>').problems).toEqual([expect.objectContaining({ part: 'html', name: 'queue.adress', message: expect.stringContaining('did you mean "queue.address"') })]);
  });

  it('gives ops notices their own variables and no partials', () => {
    const notice = templateScope('message', 'sla-breach');
    expect(checkTemplate({ subject: '{{clock.kind}} {{ticket.number}}', text: '{{clock.dueAt}}', html: null }, notice).problems).toEqual([]);
    expect(checkTemplate({ subject: 'x', text: '{{requester.email}} {{> signature}}', html: null }, notice).problems.map((p) => p.name)).toEqual(['requester.email', 'signature']);
    expect(checkTemplate({ subject: '', text: '{{> signature}}', html: null }, templateScope('partial', 'salutation')).problems.map((p) => p.name)).toEqual(['signature']);
  });
});
