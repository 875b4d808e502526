/**
 * What a restricted queue shows of an attachment, and who may fetch a blocked one. Pure: the
 * API loads the attachment row, the queue's `restricted` flag and the caller's role, and asks.
 */

/** Most characters of the reason an admin gives to fetch a blocked attachment (it goes into the audit trail). */
export const MAX_RELEASE_REASON_CHARS = 500;
/** Fewest: "x" is not a reason. */
export const MIN_RELEASE_REASON_CHARS = 10;

/** The type without parameters, lower-cased (`Image/PNG; name=a` → `image/png`). */
function essence(type: string | null): string {
  return (type ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * An image or a video, by the sender's declared type OR the sniffed one (a JPEG declared
 * `application/octet-stream` is an image; so is an `image/png` whose bytes we do not know).
 * SVG counts: it is an image to a browser.
 */
export function isVisualMedia(declaredContentType: string, sniffedContentType: string | null): boolean {
  return [essence(declaredContentType), essence(sniffedContentType)].some((type) => type.startsWith('image/') || type.startsWith('video/'));
}

export type AttachmentRelease =
  | { kind: 'allowed'; reason: string | null }
  | { kind: 'blocked'; why: string };

/**
 * May this caller (who already sees the ticket's content) fetch this attachment? Anything not
 * blocked: yes (the download is audited). A blocked one (on a hash list): only a caller who may
 * release blocked attachments (admins) and gives a reason of 10–500 characters, which the audit
 * event keeps; everyone else is refused, saying what it takes.
 */
export function decideAttachmentRelease(attachment: { blocked: boolean }, caller: { mayReleaseBlocked: boolean }, reason: string | null | undefined): AttachmentRelease {
  if (!attachment.blocked) return { kind: 'allowed', reason: null };
  if (!caller.mayReleaseBlocked) return { kind: 'blocked', why: 'this attachment is blocked (on a hash list of known abuse material); only an admin may fetch it, with a reason' };
  const given = (reason ?? '').trim();
  if (given.length < MIN_RELEASE_REASON_CHARS) {
    return { kind: 'blocked', why: `this attachment is blocked (on a hash list of known abuse material); an admin fetches it with ?reason= (${MIN_RELEASE_REASON_CHARS}–${MAX_RELEASE_REASON_CHARS} characters), recorded in the audit trail` };
  }
  return { kind: 'allowed', reason: [...given].slice(0, MAX_RELEASE_REASON_CHARS).join('') };
}
