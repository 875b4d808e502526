import { detectAutomatedMail } from '../auto-reply.js';
import type { MailFacts } from './mail-facts.js';

/**
 * What kind of sender wrote a mail: a bounce (a mail server reporting on mail we sent), an
 * auto-reply (vacation, out of office, a read receipt), other machine mail (lists, bulk,
 * no-reply senders) or a person.
 */
export type MailKind =
  | { kind: 'bounce'; reason: string }
  | { kind: 'auto_reply'; reason: string }
  | { kind: 'automated'; reason: string }
  | { kind: 'person' };

// Mail servers send bounces from these local parts (or from the null sender).
const MAILER_DAEMON = /^(mailer[-_.]?daemon|postmaster|mail[-_.]?delivery([-_.]?(system|subsystem))?|mdaemon|bounces?|returns?)(\+.*)?$/i;

// Subjects of the bounces of common MTAs (Postfix, Exim, Sendmail, qmail, Exchange, Domino, Gmail…).
const BOUNCE_SUBJECT =
  /undeliver(ed|able)|delivery (status notification|failure|failed|has failed|problem|notification|error)|mail delivery (failed|failure|problem)|returned mail|returning message to sender|failure notice|fail(ed|ure) delivery|delivery failure|permanent (delivery )?(failure|error)|non[- ]?deliver|could not be delivered|not delivered|delayed mail|message .*delayed|delivery delayed|warning: could not send|mail failed|mail failure|bounce notification|nondeliverable|undelivered mail returned|rejected|mail system error|delivery report|could not send|failed to deliver|unable to deliver/i;

// Subjects of auto-replies, as clients prefix them ("Automatic reply: …"), in the languages this
// inbox serves. Only the prefix form: a person may well write "Absence of moderation".
const AUTO_REPLY_SUBJECT =
  /^\s*(auto(matic|matische)?[ -]?(reply|response|answer|antwort)|out of (the )?office( reply| autoreply)?|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|resposta autom[áa]tica|automatyczna odpowied[źz]|automatiskt svar|autosvar|automaattinen vastaus|automatick[áa] odpov[ěe]ď|otomatik yan[ıi]t|automatisch antwoord|автоответ|автоматический ответ|自动回复|自動回覆|自動応答|自動返信)\s*(:|：|-|$)/i;

/**
 * A report a mail server sends about a message: a DSN (RFC 3464), or a multipart/report that
 * forgot its report-type but carries status codes.
 */
function isDeliveryStatusReport(facts: MailFacts): boolean {
  if (facts.report?.reportType === 'delivery-status') return true;
  return /^\s*multipart\/report\b/i.test(facts.headers.get('content-type') ?? '') && (facts.report?.statuses.length ?? 0) > 0;
}

function fromMailServer(facts: MailFacts): boolean {
  if (facts.nullSender || facts.from === null) return true;
  return MAILER_DAEMON.test(facts.from.split('@')[0]);
}

/**
 * Classifies by headers, sender and subject (bodies are not read). Bounces first: many MTAs
 * mark their bounces `Auto-Submitted: auto-replied` as well. A mail-server sender alone is not
 * a bounce (a postmaster may write to an abuse inbox in person): it needs a bounce subject or
 * the status codes or original a report carries.
 */
export function classifyMail(facts: MailFacts): MailKind {
  if (isDeliveryStatusReport(facts)) return { kind: 'bounce', reason: 'delivery status notification (multipart/report)' };
  if (facts.headers.has('x-failed-recipients')) return { kind: 'bounce', reason: 'X-Failed-Recipients' };
  if (fromMailServer(facts)) {
    const report = facts.report;
    if (BOUNCE_SUBJECT.test(facts.subject)) return { kind: 'bounce', reason: 'bounce from a mail server (subject)' };
    if (report && (report.statuses.length > 0 || report.failedRecipients.length > 0)) return { kind: 'bounce', reason: 'bounce from a mail server (status codes)' };
    // Only notifications travel with the null sender: one that returns a message is a bounce.
    if (facts.nullSender && report && report.originalMessageIds.length > 0 && !autoReplyReason(facts)) return { kind: 'bounce', reason: 'null sender returning a message' };
  }
  if (facts.report?.reportType === 'disposition-notification') return { kind: 'auto_reply', reason: 'read receipt (disposition notification)' };
  const autoReply = autoReplyReason(facts);
  if (autoReply) return { kind: 'auto_reply', reason: autoReply };
  const automated = detectAutomatedMail({ headers: facts.headers, fromAddress: facts.nullSender ? null : facts.from, ownAddresses: [] });
  return automated.automated ? { kind: 'automated', reason: automated.reason } : { kind: 'person' };
}

function autoReplyReason(facts: MailFacts): string | null {
  const header = (name: string) => facts.headers.get(name)?.trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted?.startsWith('auto-replied')) return `Auto-Submitted: ${autoSubmitted}`;
  if (header('x-autoreply') || header('x-autorespond')) return 'X-Autoreply / X-Autorespond';
  if (header('precedence') === 'auto_reply') return 'Precedence: auto_reply';
  if (AUTO_REPLY_SUBJECT.test(facts.subject)) return 'auto-reply subject';
  return null;
}

/** Whether a bounce reports that delivery failed for good, rather than a delay or a success. */
export function bounceFailed(facts: MailFacts): boolean {
  const report = facts.report;
  if (!report) return true;
  if (report.actions.includes('failed')) return true;
  if (report.statuses.some((status) => status.startsWith('5'))) return true;
  const onlyNotFailures = report.actions.length > 0 && report.actions.every((action) => action !== 'failed');
  const onlyTransient = report.statuses.length > 0 && report.statuses.every((status) => status.startsWith('4') || status.startsWith('2'));
  return !(onlyNotFailures || onlyTransient);
}

/** The status code a bounce gives for the failure: the first permanent one, else the first. */
export function bounceStatus(facts: MailFacts): string | null {
  const statuses = facts.report?.statuses ?? [];
  return statuses.find((status) => status.startsWith('5')) ?? statuses[0] ?? null;
}
