import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const ES: SeedLocale = {
  salutation: 'Hola{{#if requester.name}}, {{requester.name}}{{/if}}:',
  signature: lines('Un saludo,', 'El equipo de {{queue.name}}'),
  acknowledgement: {
    subject: 'Hemos recibido su mensaje: {{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      'Gracias por escribirnos. Recibimos su mensaje el {{date ticket.createdAt}} y le hemos asignado el número de caso {{ticket.number}}.',
      '',
      'Una persona de nuestro equipo lo leerá con atención y le responderá lo antes posible. Si desea añadir algo, responda a este correo y mantenga {{ticketTag}} en el asunto.',
      '{{#if emergency}}',
      '',
      'Si usted u otra persona se encuentra en peligro inmediato, llame ahora a los servicios de emergencia de su país (por ejemplo, el 112 o el 911). Nosotros no podemos enviar ayuda en persona.',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      'Este es un mensaje automático.',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'Aviso de SLA: {{clock.kind}} del caso {{ticket.number}} vence el {{clock.dueAt}}',
    text: lines('El objetivo {{clock.kind}} del caso {{ticket.number}} («{{ticket.subject}}») vence el {{clock.dueAt}}', 'y aún no se ha cumplido.'),
  },
  'sla-breach': {
    subject: 'SLA incumplido: {{clock.kind}} del caso {{ticket.number}}',
    text: lines('El objetivo {{clock.kind}} del caso {{ticket.number}} («{{ticket.subject}}») vencía el {{clock.dueAt}}', 'y ha pasado sin respuesta.'),
  },
  page: {
    subject: 'AVISO URGENTE: caso de emergencia {{ticket.number}}{{#if page.escalation}} (escalado {{page.level}}){{/if}}',
    text: lines(
      'El caso {{ticket.number}} («{{ticket.subject}}») de la cola {{queue.slug}} es una emergencia.',
      '{{#if page.onCall}}Usted está de guardia. Confirme la recepción con POST /api/v1/pages/{{page.id}}/ack{{else}}No hay (más) personas de guardia en esta cola: se avisa al equipo de operaciones.{{/if}}',
      '{{#if page.escalateAt}}Si nadie lo confirma, pasará a la siguiente persona de guardia el {{page.escalateAt}}.{{/if}}',
      'Aviso {{page.id}}',
    ),
  },
};
