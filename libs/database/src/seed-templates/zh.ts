import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const ZH: SeedLocale = {
  salutation: '{{#if requester.name}}{{requester.name}}，您好：{{else}}您好：{{/if}}',
  signature: lines('祝好，', '{{queue.name}}团队'),
  acknowledgement: {
    subject: '我们已收到您的来信：{{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      '感谢您与我们联系。我们已于 {{date ticket.createdAt}} 收到您的来信，工单编号为 {{ticket.number}}。',
      '',
      '我们团队的成员会认真阅读，并尽快给您答复。如需补充信息，请直接回复本邮件，并在主题中保留 {{ticketTag}}。',
      '{{#if emergency}}',
      '',
      '如果您或他人正面临紧迫危险，请立即联系当地的紧急服务（例如拨打 110 或 120）。我们无法到现场提供帮助。',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      '这是一封自动回复邮件。',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'SLA 预警：工单 {{ticket.number}} 的 {{clock.kind}} 将于 {{clock.dueAt}} 到期',
    text: lines('工单 {{ticket.number}}（“{{ticket.subject}}”）的 {{clock.kind}} 目标将于 {{clock.dueAt}} 到期，', '目前尚未达成。'),
  },
  'sla-breach': {
    subject: 'SLA 已超时：工单 {{ticket.number}} 的 {{clock.kind}}',
    text: lines('工单 {{ticket.number}}（“{{ticket.subject}}”）的 {{clock.kind}} 目标已于 {{clock.dueAt}} 到期，', '至今仍未答复。'),
  },
  page: {
    subject: '紧急呼叫：紧急工单 {{ticket.number}}{{#if page.escalation}}（第 {{page.level}} 次升级）{{/if}}',
    text: lines(
      '队列 {{queue.slug}} 中的工单 {{ticket.number}}（“{{ticket.subject}}”）是紧急情况。',
      '{{#if page.onCall}}您正在值班。请通过 POST /api/v1/pages/{{page.id}}/ack 确认。{{else}}此队列目前没有（其他）值班人员：改为通知运维团队。{{/if}}',
      '{{#if page.escalateAt}}如未确认，将于 {{page.escalateAt}} 转给下一位值班人员。{{/if}}',
      '呼叫 {{page.id}}',
    ),
  },
};
