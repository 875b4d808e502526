import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const RU: SeedLocale = {
  salutation: 'Здравствуйте{{#if requester.name}}, {{requester.name}}{{/if}}!',
  signature: lines('С уважением,', 'команда {{queue.name}}'),
  acknowledgement: {
    subject: 'Мы получили ваше сообщение: {{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      'Спасибо, что написали нам. Мы получили ваше сообщение {{date ticket.createdAt}}; ему присвоен номер обращения {{ticket.number}}.',
      '',
      'Сотрудник нашей команды внимательно его прочитает и ответит вам как можно скорее. Если вы хотите что-то добавить, просто ответьте на это письмо, сохранив {{ticketTag}} в теме.',
      '{{#if emergency}}',
      '',
      'Если вам или кому-то другому угрожает непосредственная опасность, немедленно обратитесь в местные экстренные службы (например, по номеру 112). Мы не можем направить помощь на место.',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      'Это автоматическое сообщение.',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'Предупреждение SLA: {{clock.kind}} по обращению {{ticket.number}}, срок {{clock.dueAt}}',
    text: lines('Срок цели {{clock.kind}} по обращению {{ticket.number}} («{{ticket.subject}}») истекает {{clock.dueAt}},', 'а она ещё не выполнена.'),
  },
  'sla-breach': {
    subject: 'Нарушение SLA: {{clock.kind}} по обращению {{ticket.number}}',
    text: lines('Срок цели {{clock.kind}} по обращению {{ticket.number}} («{{ticket.subject}}») истёк {{clock.dueAt}},', 'а ответа так и не было.'),
  },
  page: {
    subject: 'ВЫЗОВ: экстренное обращение {{ticket.number}}{{#if page.escalation}} (эскалация {{page.level}}){{/if}}',
    text: lines(
      'Обращение {{ticket.number}} («{{ticket.subject}}») в очереди {{queue.slug}} — экстренное.',
      '{{#if page.onCall}}Вы дежурите. Подтвердите получение: POST /api/v1/pages/{{page.id}}/ack{{else}}Для этой очереди (больше) никто не дежурит: вызывается команда эксплуатации.{{/if}}',
      '{{#if page.escalateAt}}Без подтверждения вызов перейдёт к следующему дежурному {{page.escalateAt}}.{{/if}}',
      'Вызов {{page.id}}',
    ),
  },
};
