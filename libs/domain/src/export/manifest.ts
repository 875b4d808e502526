import { EXPORT_MANIFEST, EXPORT_SIGNATURE, isSafeEntryPath } from './entry-names.js';

/**
 * The manifest of a case export: one `<sha256 hex>  <path>` line per entry, in `sha256sum -c`
 * format, LF line ends, in the order the entries were written. It lists every entry but itself
 * and its signature (`manifest.sig`, Ed25519 over the manifest's bytes).
 */
export interface ManifestLine {
  sha256: string;
  path: string;
}

const LINE = /^([0-9a-f]{64}) {2}(.+)$/;
const MESSAGE_NAME = /^messages\/\d{3,}-([0-9a-f]{64})\.eml$/;

export function formatManifest(lines: readonly ManifestLine[]): string {
  return lines.map((line) => formatManifestLine(line)).join('');
}

export function formatManifestLine({ sha256, path }: ManifestLine): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${JSON.stringify(sha256.slice(0, 80))}`);
  if (!isSafeEntryPath(path)) throw new Error(`not a safe entry path: ${JSON.stringify(path.slice(0, 200))}`);
  return `${sha256}  ${path}\n`;
}

/** The manifest's lines, or the first line that is not one (1-based). */
export function parseManifest(text: string): { ok: true; lines: ManifestLine[] } | { ok: false; line: number; reason: string } {
  if (text !== '' && !text.endsWith('\n')) return { ok: false, line: text.split('\n').length, reason: 'the manifest must end with a line break' };
  const raw = text === '' ? [] : text.slice(0, -1).split('\n');
  const lines: ManifestLine[] = [];
  const seen = new Set<string>();
  for (const [i, line] of raw.entries()) {
    const match = LINE.exec(line);
    if (!match) return { ok: false, line: i + 1, reason: 'not "<sha256 hex>  <path>"' };
    const [, sha256, path] = match;
    if (!isSafeEntryPath(path)) return { ok: false, line: i + 1, reason: `unsafe path ${JSON.stringify(path.slice(0, 200))}` };
    if (seen.has(path)) return { ok: false, line: i + 1, reason: `${path} is listed twice` };
    seen.add(path);
    lines.push({ sha256, path });
  }
  return { ok: true, lines };
}

/** What the verifier found in the archive: each entry's computed SHA-256 (the manifest and signature included). */
export interface ExportArchiveFacts {
  /** Every entry of the zip in order, with the SHA-256 of its bytes; `duplicate` names one seen twice. */
  entries: readonly ManifestLine[];
  /** The manifest's bytes as text, or null when the zip has none. */
  manifest: string | null;
  /** Whether manifest.sig is a valid Ed25519 signature of the manifest's bytes by the trusted key (null: no manifest.sig). */
  signatureValid: boolean | null;
}

export interface ExportVerdict {
  ok: boolean;
  /** Entries whose hash the manifest confirmed. */
  checked: number;
  /** One line per fault, each naming the file. */
  problems: string[];
}

/**
 * The verdict on one export: the signature holds over the manifest, every entry listed is in
 * the zip once with the listed hash, no entry is missing from the manifest, and every message's
 * name carries the hash of its bytes. Used by `export:verify` and the tests alike.
 */
export function verifyExport(facts: ExportArchiveFacts): ExportVerdict {
  const problems: string[] = [];
  if (facts.manifest === null) return { ok: false, checked: 0, problems: [`${EXPORT_MANIFEST}: missing`] };
  if (facts.signatureValid === null) problems.push(`${EXPORT_SIGNATURE}: missing`);
  else if (!facts.signatureValid) problems.push(`${EXPORT_SIGNATURE}: the signature does not verify over ${EXPORT_MANIFEST} with the trusted key`);
  const parsed = parseManifest(facts.manifest);
  if (!parsed.ok) return { ok: false, checked: 0, problems: [...problems, `${EXPORT_MANIFEST}: line ${parsed.line}: ${parsed.reason}`] };

  const inZip = new Map<string, string>();
  for (const entry of facts.entries) {
    if (inZip.has(entry.path)) problems.push(`${entry.path}: in the zip twice`);
    inZip.set(entry.path, entry.sha256);
  }
  const listed = new Set(parsed.lines.map((line) => line.path));
  let checked = 0;
  for (const line of parsed.lines) {
    const actual = inZip.get(line.path);
    if (actual === undefined) problems.push(`${line.path}: listed in the manifest, missing from the zip`);
    else if (actual !== line.sha256) problems.push(`${line.path}: SHA-256 mismatch (manifest ${line.sha256}, file ${actual})`);
    else checked++;
    const named = MESSAGE_NAME.exec(line.path);
    if (named && named[1] !== line.sha256) problems.push(`${line.path}: its name's SHA-256 is not the manifest's`);
  }
  for (const path of inZip.keys()) {
    if (path === EXPORT_MANIFEST || path === EXPORT_SIGNATURE || listed.has(path)) continue;
    problems.push(`${path}: in the zip but not in the manifest`);
  }
  return { ok: problems.length === 0, checked, problems };
}
