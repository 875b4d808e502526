export type MailParseReason = 'empty' | 'too-large' | 'unparseable' | 'not-a-message';

/** The one error `parseMail` throws: callers quarantine the raw mail with `reason`. */
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
