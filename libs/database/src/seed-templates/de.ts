import { lines, REPLY_TEXT, type SeedLocale } from './seed-locale.js';

export const DE: SeedLocale = {
  salutation: 'Guten Tag{{#if requester.name}} {{requester.name}}{{/if}},',
  signature: lines('Mit freundlichen Grüßen', 'Ihr {{queue.name}}-Team'),
  acknowledgement: {
    subject: 'Wir haben Ihre Nachricht erhalten: {{ticket.subject}}',
    text: lines(
      '{{> salutation}}',
      '',
      'vielen Dank für Ihre Nachricht. Wir haben sie am {{date ticket.createdAt}} erhalten; sie hat jetzt die Vorgangsnummer {{ticket.number}}.',
      '',
      'Ein Mitglied unseres Teams wird sie sorgfältig lesen und Ihnen so bald wie möglich antworten. Wenn Sie etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail und lassen Sie {{ticketTag}} im Betreff stehen.',
      '{{#if emergency}}',
      '',
      'Wenn Sie oder eine andere Person in unmittelbarer Gefahr sind, wenden Sie sich bitte sofort an den Notruf (zum Beispiel 112 oder 110). Wir können keine Hilfe vor Ort schicken.',
      '{{/if}}',
      '',
      '{{> signature}}',
      '',
      'Dies ist eine automatisch versandte Nachricht.',
    ),
  },
  reply: { subject: 'Re: {{ticket.subject}}', text: REPLY_TEXT },
  'sla-warning': {
    subject: 'SLA-Warnung: {{clock.kind}} für Vorgang {{ticket.number}} ist am {{clock.dueAt}} fällig',
    text: lines('Das Ziel {{clock.kind}} von Vorgang {{ticket.number}} („{{ticket.subject}}“) ist am {{clock.dueAt}} fällig', 'und wurde noch nicht erreicht.'),
  },
  'sla-breach': {
    subject: 'SLA verletzt: {{clock.kind}} für Vorgang {{ticket.number}}',
    text: lines('Das Ziel {{clock.kind}} von Vorgang {{ticket.number}} („{{ticket.subject}}“) war am {{clock.dueAt}} fällig', 'und ist ohne Antwort verstrichen.'),
  },
  page: {
    subject: 'ALARM: Notfall-Vorgang {{ticket.number}}{{#if page.escalation}} (Eskalation {{page.level}}){{/if}}',
    text: lines(
      'Vorgang {{ticket.number}} („{{ticket.subject}}“) in der Queue {{queue.slug}} ist ein Notfall.',
      '{{#if page.onCall}}Sie haben Bereitschaft. Bestätigen Sie mit POST /api/v1/pages/{{page.id}}/ack{{else}}Für diese Queue hat niemand (mehr) Bereitschaft: Stattdessen wird das Ops-Team alarmiert.{{/if}}',
      '{{#if page.escalateAt}}Ohne Bestätigung geht der Alarm am {{page.escalateAt}} an die nächste Person in Bereitschaft.{{/if}}',
      'Alarm {{page.id}}',
    ),
  },
};
