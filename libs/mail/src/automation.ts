import { detectAutomatedMail, type AutomationVerdict } from '@casework/domain';
import type { ParsedMail } from './parsed-mail.js';

/**
 * Whether a parsed mail was sent by a machine (bounce, auto-reply, list, our own echo). A
 * `Return-Path: <>` is the envelope's null sender, which RFC 3834 says never to answer, so it
 * counts as "no sender address" whatever the From header claims.
 */
export function automationOf(mail: ParsedMail, ownAddresses: readonly string[]): AutomationVerdict {
  const nullReturnPath = mail.headers.get('return-path')?.replace(/\s+/g, '') === '<>';
  return detectAutomatedMail({
    headers: mail.headers,
    fromAddress: nullReturnPath ? null : (mail.from?.email ?? null),
    ownAddresses,
  });
}
