import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const FR: SeedLocale = {
  salutation: 'Bonjour{{#if requester.name}} {{requester.name}}{{/if}},',
  signature: lines('Bien cordialement,', 'L’équipe {{queue.name}}'),
  acknowledgement: {
    subject: 'Nous avons bien reçu votre message : {{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      'Merci de nous avoir écrit. Nous avons bien reçu votre message le {{date ticket.createdAt}} ; il porte désormais le numéro de dossier {{ticket.number}}.',
      '',
      'Un membre de notre équipe va le lire attentivement et vous répondra dans les meilleurs délais. Pour ajouter une information, répondez simplement à ce courriel en conservant {{ticketTag}} dans l’objet.',
      '{{#if emergency}}',
      '',
      'Si vous ou une autre personne êtes en danger immédiat, contactez dès maintenant les services d’urgence de votre pays (par exemple le 112). Nous ne pouvons pas intervenir sur place.',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      'Ce message est envoyé automatiquement.',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'Alerte SLA : {{clock.kind}} du dossier {{ticket.number}}, échéance le {{clock.dueAt}}',
    text: lines('L’objectif {{clock.kind}} du dossier {{ticket.number}} (« {{ticket.subject}} ») arrive à échéance le {{clock.dueAt}}', 'et n’est pas encore atteint.'),
  },
  'sla-breach': {
    subject: 'SLA dépassé : {{clock.kind}} du dossier {{ticket.number}}',
    text: lines('L’objectif {{clock.kind}} du dossier {{ticket.number}} (« {{ticket.subject}} ») arrivait à échéance le {{clock.dueAt}}', 'et il est dépassé sans réponse.'),
  },
  page: {
    subject: 'ALERTE : dossier d’urgence {{ticket.number}}{{#if page.escalation}} (escalade {{page.level}}){{/if}}',
    text: lines(
      'Le dossier {{ticket.number}} (« {{ticket.subject}} ») de la file {{queue.slug}} est une urgence.',
      '{{#if page.onCall}}Vous êtes d’astreinte. Accusez réception avec POST /api/v1/pages/{{page.id}}/ack{{else}}Personne (d’autre) n’est d’astreinte pour cette file : l’équipe des opérations est alertée à la place.{{/if}}',
      '{{#if page.escalateAt}}Sans accusé de réception, l’alerte passera à la personne d’astreinte suivante le {{page.escalateAt}}.{{/if}}',
      'Alerte {{page.id}}',
    ),
  },
};
