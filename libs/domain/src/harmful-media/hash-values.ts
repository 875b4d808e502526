/**
 * Hash values of a hash list (a hotline's list of known harmful media): SHA-256 or MD5, as hex.
 * What an uploaded list may hold and how it is normalised; pure.
 */

export const HASH_ALGORITHMS = ['sha256', 'md5'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** One value of a list: lower-case hex, its algorithm told by its length (64: SHA-256, 32: MD5). */
export interface HashValue {
  algorithm: HashAlgorithm;
  value: string;
}

/** Most values one upload (a create or an append) takes. */
export const MAX_HASH_VALUES_PER_UPLOAD = 200_000;
/** How much of a bad value an error echoes. */
const ECHOED_CHARS = 40;

export type HashValuesParse =
  | { ok: true; values: HashValue[] }
  /** `line`: 1-based line of the text, or 1-based position in the array (0 when there are simply too many). */
  | { ok: false; line: number; value: string; message: string };

const HEX = /^[0-9a-f]+$/;
const LENGTH_OF: Record<HashAlgorithm, number> = { sha256: 64, md5: 32 };

/**
 * One value as written: surrounding space dropped, an optional `sha256:` / `md5:` prefix (which
 * must then agree with the length), case folded. Null when it is not a SHA-256 or MD5 in hex.
 */
export function normalizeHashValue(raw: string): HashValue | null {
  let text = raw.trim().toLowerCase();
  let declared: HashAlgorithm | null = null;
  const prefix = /^(sha-?256|md5)[:=]/.exec(text);
  if (prefix) {
    declared = prefix[1] === 'md5' ? 'md5' : 'sha256';
    text = text.slice(prefix[0].length).trim();
  }
  if (!HEX.test(text)) return null;
  const algorithm = HASH_ALGORITHMS.find((a) => LENGTH_OF[a] === text.length);
  if (!algorithm || (declared !== null && declared !== algorithm)) return null;
  return { algorithm, value: text };
}

/**
 * The values of an upload, normalised and de-duplicated, in their first order. `lines` is either
 * the lines of a text (blank lines and `#` comments skipped, a trailing `  filename` after the
 * hash ignored, as `sha256sum` writes it) or an array's items (each must be a value). The first
 * bad one is named by its 1-based line or position and its text, cut to 40 characters.
 */
export function parseHashValues(lines: readonly string[], form: 'text' | 'array'): HashValuesParse {
  const seen = new Set<string>();
  const values: HashValue[] = [];
  for (const [index, line] of lines.entries()) {
    let item = line.trim();
    if (form === 'text') {
      if (item === '' || item.startsWith('#')) continue;
      item = item.split(/\s+/)[0]!;
    }
    const value = normalizeHashValue(item);
    if (!value) return { ok: false, line: index + 1, value: echo(line), message: `${form === 'text' ? 'line' : 'entry'} ${index + 1} is not a SHA-256 or MD5 in hex: ${JSON.stringify(echo(line))}` };
    if (seen.has(value.value)) continue;
    seen.add(value.value);
    values.push(value);
  }
  if (values.length > MAX_HASH_VALUES_PER_UPLOAD) {
    return { ok: false, line: 0, value: '', message: `at most ${MAX_HASH_VALUES_PER_UPLOAD} values per upload; add more with POST /hash-lists/:id/entries` };
  }
  return { ok: true, values };
}

/** A text's lines (LF, CRLF or CR). */
export function hashTextLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function echo(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > ECHOED_CHARS ? `${[...trimmed].slice(0, ECHOED_CHARS).join('')}…` : trimmed;
}
