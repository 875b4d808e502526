// Characters RFC 5322 forbids in an unquoted local part or a domain (plus whitespace).
const UNQUOTED_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
const QUOTED_LOCAL = /^"(?:[^"\\\r\n]|\\.)*"$/u;
const DOMAIN_LITERAL = /^\[[^[\]\\\s]+\]$/u;

/**
 * Canonical form of a mailbox address, or null if `raw` is not one. The whole address is
 * lower-cased: local parts are case-sensitive in theory only, and one requester writing
 * `John@` and `john@` must map to one contact.
 */
export function normalizeEmail(raw: string): string | null {
  let value = raw.trim();
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1).trim();
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || domain.length > 255) return null;
  if (!UNQUOTED_PART.test(local) && !QUOTED_LOCAL.test(local)) return null;
  if (!isValidDomain(domain)) return null;
  return `${local}@${domain}`.toLowerCase();
}

/**
 * Each address once, letter case and surrounding space ignored (the first spelling kept,
 * trimmed; blanks dropped): a list of recipients in which nobody is mailed twice.
 */
export function distinctAddresses(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const email of emails) {
    const key = email.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    distinct.push(email.trim());
  }
  return distinct;
}

function isValidDomain(domain: string): boolean {
  if (DOMAIN_LITERAL.test(domain)) return true;
  return UNQUOTED_PART.test(domain) && !domain.startsWith('.') && !domain.endsWith('.') && !domain.includes('..');
}

// A display name made of RFC 5322 atoms (UTF-8 allowed, RFC 6532) needs no quotes.
const PHRASE_OF_ATOMS = /^[\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~]+(?: [\p{L}\p{N}!#$%&'*+\-/=?^_`{|}~]+)*$/u;

/**
 * `Name <email>` as it goes into a header, quoting the name when it holds specials such as
 * `,` or `.`, which would otherwise split or corrupt the address list.
 */
export function formatAddress(address: { email: string; name?: string | null }): string {
  // Line breaks in either part would let a name inject headers.
  const email = address.email.replace(/[\r\n]+/g, '').trim();
  const name = (address.name ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  if (!name) return email;
  const phrase = PHRASE_OF_ATOMS.test(name) ? name : `"${name.replace(/(["\\])/g, '\\$1')}"`;
  return `${phrase} <${email}>`;
}
