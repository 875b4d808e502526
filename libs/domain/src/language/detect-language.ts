import { eld } from 'eld/small';

/** Fewer letters than this say too little to name a language (a Han character counts three). */
export const LANGUAGE_MIN_LETTERS = 8;
/** Language detection reads at most this much: a mail's opening says which language it is in. */
const LANGUAGE_SCAN_LIMIT = 4_000;

const SCRIPT_LETTERS = {
  latin: /\p{Script=Latin}/u,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
  hi: /\p{Script=Devanagari}/u,
  el: /\p{Script=Greek}/u,
  ko: /\p{Script=Hangul}/u,
  han: /\p{Script=Han}/u,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
} as const;
type Script = keyof typeof SCRIPT_LETTERS;
const SCRIPTS = Object.keys(SCRIPT_LETTERS) as Script[];

/** The script of each BMP code unit, asked of the regular expressions once: 0 not yet known, 1 none of ours, 2 + its index in SCRIPTS. */
const BMP_SCRIPT = new Uint8Array(0x10000);

function scriptIndexOf(symbol: string): number {
  const index = SCRIPTS.findIndex((script) => SCRIPT_LETTERS[script].test(symbol));
  return index < 0 ? 1 : index + 2;
}

/** Letters of each script, in one pass over the text's code points (the scripts do not overlap). */
function countScripts(text: string): Record<Script, number> {
  const counts = new Array<number>(SCRIPTS.length + 2).fill(0);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) counts[2]++;
      continue;
    }
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      counts[scriptIndexOf(text.slice(i, i + 2))]++;
      i++;
      continue;
    }
    let known = BMP_SCRIPT[code]!;
    if (known === 0) BMP_SCRIPT[code] = known = scriptIndexOf(text[i]!);
    counts[known]++;
  }
  return Object.fromEntries(SCRIPTS.map((script, index) => [script, counts[index + 2]!])) as Record<Script, number>;
}

/**
 * The language of a text as an ISO 639-1 code, or null when there is too little text to tell.
 * The dominant script decides first (Arabic → ar, Cyrillic → ru, Devanagari → hi, Han → zh, or ja
 * when kana are among the Han); Latin-script text goes to eld's n-gram model. Romanized Hindi is
 * not told apart reliably (eld may name another language): the triage lexicons match it whatever
 * this says.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > LANGUAGE_SCAN_LIMIT ? text.slice(0, LANGUAGE_SCAN_LIMIT) : text;
  const letters = countScripts(sample);
  const candidates: [string, number][] = [
    ['latin', letters.latin], ['ar', letters.ar], ['ru', letters.ru], ['hi', letters.hi], ['el', letters.el], ['ko', letters.ko],
    [letters.kana > 0 ? 'ja' : 'zh', letters.han + letters.kana],
  ];
  // A Han character is a word: a short Chinese sentence has few letters but says enough.
  const total = candidates.reduce((sum, [, n]) => sum + n, 0) + 2 * (letters.han + letters.kana);
  const [script, most] = candidates.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best));
  if (total < LANGUAGE_MIN_LETTERS || most === 0) return null;
  if (script !== 'latin') return script;
  const detected = eld.detect(sample).language;
  return detected === '' ? null : detected;
}
