import type { SeededRandom } from './seeded-random.js';

/*
 * Mutations of real mail for the MIME fuzz: each takes a message's bytes and a seeded random
 * source and returns hostile bytes of the kinds mail servers actually pass on — flipped bytes,
 * cut and repeated headers, broken and absurdly nested boundaries, lying charsets, NULs, huge
 * lines, base64 garbage. Free of jest globals; the same seed gives the same messages.
 */

export type Mutation = (source: Buffer, random: SeededRandom) => Buffer;

const CRLF = '\r\n';

/** Where the header block ends (the first empty line), or the whole message when none. */
function headerEnd(text: string): number {
  const match = /\r?\n\r?\n/.exec(text);
  return match ? match.index : text.length;
}

function splitMessage(source: Buffer): { head: string; body: string } {
  const text = source.toString('latin1');
  const end = headerEnd(text);
  return { head: text.slice(0, end), body: text.slice(end) };
}

const asBuffer = (text: string) => Buffer.from(text, 'latin1');

const flipBytes: Mutation = (source, random) => {
  const copy = Buffer.from(source);
  const flips = random.int(1, Math.max(1, Math.ceil(copy.length / 200)));
  for (let i = 0; i < flips && copy.length > 0; i++) copy[random.int(0, copy.length - 1)] = random.int(0, 255);
  return copy;
};

const truncate: Mutation = (source, random) => source.subarray(0, random.int(0, source.length));

const duplicateHeaders: Mutation = (source, random) => {
  const { head, body } = splitMessage(source);
  const lines = head.split(/\r?\n/);
  const repeated = lines.flatMap((line) => (random.next() < 0.3 ? Array<string>(random.int(2, 60)).fill(line) : [line]));
  return asBuffer(repeated.join(CRLF) + body);
};

const dropHeaders: Mutation = (source, random) => {
  const { head, body } = splitMessage(source);
  const kept = head.split(/\r?\n/).filter(() => random.next() < 0.6);
  return asBuffer(kept.join(CRLF) + body);
};

const truncateHeaderLine: Mutation = (source, random) => {
  const { head, body } = splitMessage(source);
  const lines = head.split(/\r?\n/);
  const at = random.int(0, lines.length - 1);
  lines[at] = lines[at].slice(0, random.int(0, lines[at].length));
  return asBuffer(lines.join(CRLF) + body);
};

const wrongCharset: Mutation = (source, random) => {
  const charset = random.pick(['utf-8', 'x-unknown-42', 'iso-2022-jp', 'utf-7', 'windows-1256', 'koi8-r', 'gb18030', '', '"""', 'utf-16']);
  const text = source.toString('latin1');
  const replaced = text.replace(/charset\s*=\s*"?[^";\s]*"?/gi, `charset=${charset}`);
  if (replaced !== text) return asBuffer(replaced);
  const { head, body } = splitMessage(source);
  return asBuffer(`${head}${CRLF}Content-Type: text/plain; charset=${charset}${body}`);
};

const removeCharset: Mutation = (source) => asBuffer(source.toString('latin1').replace(/;\s*charset\s*=\s*"?[^";\s]*"?/gi, ''));

const insertNuls: Mutation = (source, random) => {
  const copy = Buffer.from(source);
  const count = random.int(1, 50);
  for (let i = 0; i < count && copy.length > 0; i++) copy[random.int(0, copy.length - 1)] = 0;
  return copy;
};

const hugeLine: Mutation = (source, random) => {
  const { head, body } = splitMessage(source);
  const line = random.pick(['A', 'é', '=', '<', ' ']).repeat(random.int(100_000, 1_000_000));
  return random.next() < 0.5 ? asBuffer(`${head}${CRLF}X-Huge: ${line}${body}`) : asBuffer(`${head}${body}${CRLF}${line}${CRLF}`);
};

const base64Garbage: Mutation = (source, random) => {
  const { head } = splitMessage(source);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=!*\u00ff';
  let garbage = '';
  for (let i = random.int(10, 20_000); i > 0; i--) garbage += alphabet[random.int(0, alphabet.length - 1)];
  return asBuffer(`${head.replace(/^content-transfer-encoding:.*$/gim, '')}${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${garbage}${CRLF}`);
};

const brokenBoundaries: Mutation = (source, random) => {
  const text = source.toString('latin1');
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text)?.[1];
  if (!boundary) return asBuffer(text.replace(/^content-type:.*$/im, 'Content-Type: multipart/mixed; boundary="never-closed"'));
  const parts = text.split(`--${boundary}`);
  const choice = random.int(0, 2);
  if (choice === 0) return asBuffer(parts.join(`--${boundary.slice(0, -1)}`)); // boundaries that never match
  if (choice === 1) return asBuffer(text.replace(`--${boundary}--`, '')); // never closed
  return asBuffer(parts.slice(0, random.int(1, parts.length)).join(`--${boundary}`)); // cut mid-part
};

/** Multipart nested `depth` deep (up to 1,000), every level open, the innermost text. */
const deepNesting: Mutation = (source, random) => {
  const depth = random.int(50, 1000);
  const { head } = splitMessage(source);
  const plainHead = head.replace(/^content-(type|transfer-encoding):.*(\r?\n[ \t].*)*$/gim, '');
  let body = `Content-Type: text/plain${CRLF}${CRLF}innermost${CRLF}`;
  for (let level = depth; level > 0; level--) {
    body = `Content-Type: multipart/mixed; boundary="b${level}"${CRLF}${CRLF}--b${level}${CRLF}${body}${random.next() < 0.5 ? `--b${level}--${CRLF}` : ''}`;
  }
  return asBuffer(`${plainHead}${CRLF}MIME-Version: 1.0${CRLF}${body}`);
};

const encodedWordGarbage: Mutation = (source, random) => {
  const { head, body } = splitMessage(source);
  const words = ['=?utf-8?B?////?=', '=?x-bogus?Q?=FF=FE?=', '=?utf-8?Q?unterminated', '=?iso-8859-1?B?', '=??B?AAAA?=', `=?utf-8?B?${'QQ'.repeat(random.int(1, 5000))}?=`];
  return asBuffer(head.replace(/^(subject|from|to):.*$/gim, (line) => `${line.split(':')[0]}: ${random.pick(words)} ${random.pick(words)}`) + body);
};

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  flipBytes,
  truncate,
  duplicateHeaders,
  dropHeaders,
  truncateHeaderLine,
  wrongCharset,
  removeCharset,
  insertNuls,
  hugeLine,
  base64Garbage,
  brokenBoundaries,
  deepNesting,
  encodedWordGarbage,
};

/** One to three mutations of a message, named for the failure report. */
export function mutate(source: Buffer, random: SeededRandom): { bytes: Buffer; applied: string[] } {
  const names = Object.keys(MUTATIONS);
  const applied = Array.from({ length: random.int(1, 3) }, () => random.pick(names));
  let bytes = source;
  for (const name of applied) bytes = MUTATIONS[name](bytes, random);
  return { bytes, applied };
}
