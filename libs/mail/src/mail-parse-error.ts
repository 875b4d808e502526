/**
 * Why a raw message could not become a `ParsedMail`. `timeout` and `parser-crashed` come from
 * `MailParserPool`: the parser ran past its time budget, or its worker thread died mid-parse.
 */
export type MailParseReason = 'empty' | 'too-large' | 'unparseable' | 'not-a-message' | 'timeout' | 'parser-crashed';

/** The one error `parseMail` and `MailParserPool` throw: callers quarantine the raw mail with `reason`. */
export class MailParseError extends Error {
  override readonly name = 'MailParseError';

  constructor(
    readonly reason: MailParseReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
