import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const AR: SeedLocale = {
  salutation: 'مرحبًا{{#if requester.name}} {{requester.name}}{{/if}}،',
  signature: lines('مع خالص التحيات،', 'فريق {{queue.name}}'),
  acknowledgement: {
    subject: 'تلقّينا رسالتك: {{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      'شكرًا لتواصلك معنا. تلقّينا رسالتك بتاريخ {{date ticket.createdAt}}، وأصبح رقم تذكرتها {{ticket.number}}.',
      '',
      'سيقرأ أحد أعضاء فريقنا رسالتك بعناية ويردّ عليك في أقرب وقت ممكن. إذا أردت إضافة أي معلومات، فيمكنك الرد على هذه الرسالة مع الإبقاء على {{ticketTag}} في سطر الموضوع.',
      '{{#if emergency}}',
      '',
      'إذا كنت أنت أو أي شخص آخر في خطر مباشر، فيُرجى الاتصال فورًا بخدمات الطوارئ المحلية في بلدك. لا يمكننا إرسال مساعدة إلى مكانك.',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      'هذه رسالة تلقائية.',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'تنبيه مستوى الخدمة: موعد {{clock.kind}} للتذكرة {{ticket.number}} هو {{clock.dueAt}}',
    text: lines('يحين موعد هدف {{clock.kind}} للتذكرة {{ticket.number}} («{{ticket.subject}}») في {{clock.dueAt}}', 'ولم يتحقق بعد.'),
  },
  'sla-breach': {
    subject: 'تجاوز مستوى الخدمة: {{clock.kind}} للتذكرة {{ticket.number}}',
    text: lines('كان موعد هدف {{clock.kind}} للتذكرة {{ticket.number}} («{{ticket.subject}}») في {{clock.dueAt}}', 'وقد انقضى دون رد.'),
  },
  page: {
    subject: 'استدعاء: تذكرة طارئة {{ticket.number}}{{#if page.escalation}} (تصعيد {{page.level}}){{/if}}',
    text: lines(
      'التذكرة {{ticket.number}} («{{ticket.subject}}») في قائمة {{queue.slug}} حالة طارئة.',
      '{{#if page.onCall}}أنت في المناوبة الآن. أكّد الاستلام عبر POST /api/v1/pages/{{page.id}}/ack{{else}}لا يوجد أحد (آخر) في المناوبة لهذه القائمة: يجري استدعاء فريق العمليات بدلًا من ذلك.{{/if}}',
      '{{#if page.escalateAt}}إذا لم يُؤكَّد الاستلام، فسيُحال الاستدعاء إلى الشخص التالي في المناوبة في {{page.escalateAt}}.{{/if}}',
      'الاستدعاء {{page.id}}',
    ),
  },
};
