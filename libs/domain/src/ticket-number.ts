/**
 * Ticket numbers are a database sequence value followed by a Luhn check digit, so a
 * mistyped or foreign `[#…]` tag in a subject does not thread mail onto the wrong ticket.
 */
export function ticketNumberFromSequence(sequence: number | bigint): string {
  const base = BigInt(sequence);
  if (base <= 0n) throw new RangeError(`ticket sequence must be positive, got ${sequence}`);
  const digits = base.toString();
  return digits + luhnCheckDigit(digits);
}

export function isValidTicketNumber(candidate: string): boolean {
  if (!/^\d{2,}$/.test(candidate)) return false;
  return luhnCheckDigit(candidate.slice(0, -1)) === candidate.slice(-1);
}

function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const TAG_PATTERN = /\[#(\d{2,20})\]/g;

/** The first valid `[#<number>]` tag in a subject, or null. */
export function findTicketTag(subject: string | null | undefined): string | null {
  if (!subject) return null;
  for (const match of subject.matchAll(TAG_PATTERN)) {
    if (isValidTicketNumber(match[1])) return match[1];
  }
  return null;
}

/** Subject for mail we send about a ticket: exactly one tag, at the end. */
export function taggedSubject(subject: string, ticketNumber: string): string {
  const tag = `[#${ticketNumber}]`;
  return subject.includes(tag) ? subject : `${subject.trim()} ${tag}`.trim();
}

/** `Re: <subject> [#number]`, without stacking a second "Re:". */
export function replySubject(subject: string, ticketNumber: string): string {
  const trimmed = subject.trim();
  const answered = /^re\s*:/i.test(trimmed) ? trimmed : `Re: ${trimmed}`;
  return taggedSubject(answered, ticketNumber);
}
