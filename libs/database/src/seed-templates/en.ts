import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const EN: SeedLocale = {
  salutation: 'Hello{{#if requester.name}} {{requester.name}}{{/if}},',
  signature: lines('Kind regards,', 'The {{queue.name}} team'),
  acknowledgement: {
    subject: 'We received your message: {{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      'Thank you for writing to us. We received your message on {{date ticket.createdAt}}, and it is now ticket {{ticket.number}}.',
      '',
      'A member of our team will read it carefully and reply to you as soon as we can. If you would like to add anything, reply to this email and keep {{ticketTag}} in the subject line.',
      '{{#if emergency}}',
      '',
      'If you or someone else is in immediate danger, please contact your local emergency services now (for example 112 or 911). We cannot send help in person.',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      'This is an automatic message.',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'SLA warning: {{clock.kind}} on ticket {{ticket.number}} is due at {{clock.dueAt}}',
    text: lines('The {{clock.kind}} target of ticket {{ticket.number}} ("{{ticket.subject}}") is due at {{clock.dueAt}}', 'and has not been met yet.'),
  },
  'sla-breach': {
    subject: 'SLA breached: {{clock.kind}} on ticket {{ticket.number}}',
    text: lines('The {{clock.kind}} target of ticket {{ticket.number}} ("{{ticket.subject}}") was due at {{clock.dueAt}}', 'and has passed without an answer.'),
  },
  page: {
    subject: 'PAGE: emergency ticket {{ticket.number}}{{#if page.escalation}} (escalation {{page.level}}){{/if}}',
    text: lines(
      'Ticket {{ticket.number}} ("{{ticket.subject}}") in queue {{queue.slug}} is an emergency.',
      '{{#if page.onCall}}You are on call. Acknowledge with POST /api/v1/pages/{{page.id}}/ack{{else}}Nobody (else) is on call for this queue: paging ops instead.{{/if}}',
      '{{#if page.escalateAt}}Unacknowledged, it escalates to the next person on call at {{page.escalateAt}}.{{/if}}',
      'Page {{page.id}}',
    ),
  },
};
