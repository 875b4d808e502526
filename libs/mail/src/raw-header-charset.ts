import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Raw 8-bit header bytes (no RFC 2047 encoded word) carry no charset of their own. Senders'
 * clients wrote them in the charset they wrote the body in, and showed them that way, so we
 * read them in the first of these that decodes them cleanly:
 *
 *   1. UTF-8, when the bytes are valid UTF-8;
 *   2. each charset the message declares, in the order given (see `declaredCharsets`: the
 *      top-level part's, the first text part's, an HTML body's `<meta charset>`);
 *   3. windows-1252, which always decodes.
 *
 * A candidate decodes cleanly when iconv-lite knows it, it is ASCII-compatible (header syntax
 * and encoded words must survive it) and the result holds no U+FFFD. An unknown label, or one
 * that cannot be decoded (`x-user-defined`), falls through to the next candidate.
 */
export function decodeRawHeader(bytes: Buffer, declared: readonly string[]): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  for (const label of declared) {
    const encoding = resolveCharsetLabel(label);
    if (encoding === null) continue;
    const text = iconv.decode(bytes, encoding);
    if (!text.includes('\uFFFD')) return text;
  }
  return decodeWindows1252(bytes);
}

/**
 * Labels read the way browsers and mail clients read them (the WHATWG Encoding Standard) where
 * iconv-lite differs: ISO-8859-1 and US-ASCII mean windows-1252 (an Outlook Express "…" is
 * 0x85), ISO-8859-9 means windows-1254, TIS-620 windows-874. `x-user-defined` maps bytes to
 * private-use code points, which is no reading at all. (iconv-lite already reads
 * ks_c_5601-1987 and euc-kr as cp949, big5 with the HKSCS extensions, shift_jis as windows-31j.)
 */
const LABEL_OVERRIDES: ReadonlyMap<string, string | null> = new Map([
  ...['iso88591', 'iso885911987', 'latin1', 'l1', 'cp819', 'ibm819', 'isoir100', 'csisolatin1', 'usascii', 'ascii', 'ansix341968', 'xcp1252'].map(
    (label) => [label, 'windows-1252'] as const,
  ),
  ...['iso88599', 'iso885991989', 'latin5', 'l5', 'isoir148', 'csisolatin5', 'xcp1254'].map((label) => [label, 'windows-1254'] as const),
  ...['tis620', 'iso885911', 'dos874'].map((label) => [label, 'windows-874'] as const),
  ['xuserdefined', null],
]);

const ASCII_PROBE = Buffer.from(Array.from({ length: 0x5f }, (_, i) => i + 0x20).concat([0x09, 0x0d, 0x0a]));

/**
 * The iconv-lite encoding a MIME or HTML charset label names, or null when there is none we
 * can read 8-bit header bytes in (unknown labels, `x-user-defined`, UTF-16, UTF-7, base64 …).
 */
export function resolveCharsetLabel(label: string): string | null {
  const name = label.trim().replace(/^["']+|["']+$/g, '').trim();
  const key = name.toLowerCase().replace(/[^0-9a-z]/g, '');
  if (!key) return null;
  // Otherwise iconv-lite's own label matching (case, punctuation and `:1987` suffixes ignored).
  const encoding = LABEL_OVERRIDES.has(key) ? (LABEL_OVERRIDES.get(key) ?? null) : name;
  if (encoding === null || !iconv.encodingExists(encoding)) return null;
  // Only met on the rare path (8-bit headers that are not UTF-8), so not worth a cache.
  return iconv.decode(ASCII_PROBE, encoding) === ASCII_PROBE.toString('latin1') ? encoding : null;
}

/**
 * windows-1252 as browsers decode it: the five bytes it leaves unassigned (0x81, 0x8D, 0x8F,
 * 0x90, 0x9D), which iconv-lite turns into U+FFFD, become the C1 code points of the same value.
 */
function decodeWindows1252(bytes: Buffer): string {
  const text = iconv.decode(bytes, 'windows-1252');
  if (!text.includes('\uFFFD')) return text;
  // A single-byte charset: the i-th UTF-16 unit is the i-th byte's character.
  return Array.from(text, (char, i) => (char === '\uFFFD' ? String.fromCharCode(bytes[i]) : char)).join('');
}
