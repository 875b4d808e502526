import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const HI: SeedLocale = {
  salutation: 'नमस्ते{{#if requester.name}} {{requester.name}}{{/if}},',
  signature: lines('सादर,', '{{queue.name}} टीम'),
  acknowledgement: {
    subject: 'हमें आपका संदेश मिल गया है: {{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      'हमें लिखने के लिए धन्यवाद। आपका संदेश हमें {{date ticket.createdAt}} मिला, और अब इसकी टिकट संख्या {{ticket.number}} है।',
      '',
      'हमारी टीम का कोई सदस्य इसे ध्यान से पढ़ेगा और जल्द से जल्द आपको जवाब देगा। अगर आप कुछ और जोड़ना चाहते हैं, तो इसी ईमेल का जवाब दें और विषय में {{ticketTag}} बना रहने दें।',
      '{{#if emergency}}',
      '',
      'अगर आप या कोई और तत्काल खतरे में है, तो कृपया अभी अपनी स्थानीय आपातकालीन सेवाओं से संपर्क करें (भारत में 112)। हम मौके पर मदद नहीं भेज सकते।',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      'यह एक स्वचालित संदेश है।',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'SLA चेतावनी: टिकट {{ticket.number}} का {{clock.kind}} {{clock.dueAt}} तक देय है',
    text: lines('टिकट {{ticket.number}} ("{{ticket.subject}}") का {{clock.kind}} लक्ष्य {{clock.dueAt}} तक देय है', 'और अभी तक पूरा नहीं हुआ है।'),
  },
  'sla-breach': {
    subject: 'SLA का उल्लंघन: टिकट {{ticket.number}} का {{clock.kind}}',
    text: lines('टिकट {{ticket.number}} ("{{ticket.subject}}") का {{clock.kind}} लक्ष्य {{clock.dueAt}} तक देय था', 'और बिना जवाब के बीत गया है।'),
  },
  page: {
    subject: 'पेज: आपातकालीन टिकट {{ticket.number}}{{#if page.escalation}} (एस्केलेशन {{page.level}}){{/if}}',
    text: lines(
      'कतार {{queue.slug}} का टिकट {{ticket.number}} ("{{ticket.subject}}") एक आपात स्थिति है।',
      '{{#if page.onCall}}आप ऑन-कॉल हैं। POST /api/v1/pages/{{page.id}}/ack से पुष्टि करें।{{else}}इस कतार के लिए (और) कोई ऑन-कॉल नहीं है: इसके बजाय ऑप्स टीम को पेज किया जा रहा है।{{/if}}',
      '{{#if page.escalateAt}}पुष्टि न होने पर यह {{page.escalateAt}} पर अगले ऑन-कॉल व्यक्ति को भेजा जाएगा।{{/if}}',
      'पेज {{page.id}}',
    ),
  },
};
