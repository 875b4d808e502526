import { eld } from 'eld/small';

/** Fewer letters than this say too little to name a language (a Han character counts three). */
export const LANGUAGE_MIN_LETTERS = 8;
/** Language detection reads at most this much: a mail's opening says which language it is in. */
const LANGUAGE_SCAN_LIMIT = 4_000;

const SCRIPT_LETTERS = {
  latin: /\p{Script=Latin}/gu,
  ar: /\p{Script=Arabic}/gu,
  ru: /\p{Script=Cyrillic}/gu,
  hi: /\p{Script=Devanagari}/gu,
  el: /\p{Script=Greek}/gu,
  ko: /\p{Script=Hangul}/gu,
  han: /\p{Script=Han}/gu,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu,
} as const;

/**
 * The language of a text as an ISO 639-1 code, or null when there is too little text to tell.
 * The dominant script decides first (Arabic → ar, Cyrillic → ru, Devanagari → hi, Han → zh, or ja
 * when kana are among the Han); Latin-script text goes to eld's n-gram model. Romanized Hindi is
 * not told apart reliably (eld may name another language): the triage lexicons match it whatever
 * this says.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > LANGUAGE_SCAN_LIMIT ? text.slice(0, LANGUAGE_SCAN_LIMIT) : text;
  const letters = Object.fromEntries(Object.entries(SCRIPT_LETTERS).map(([script, pattern]) => [script, count(sample, pattern)])) as Record<keyof typeof SCRIPT_LETTERS, number>;
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

function count(text: string, letters: RegExp): number {
  letters.lastIndex = 0;
  let found = 0;
  while (letters.exec(text) !== null) found++;
  return found;
}
