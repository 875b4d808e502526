/** Character tables the triage normaliser folds text with. Lower-case keys only (text is folded first). */

/** Cyrillic and Greek letters that render like a Latin one, used inside Latin words to dodge filters. */
export const LATIN_LOOKALIKE: ReadonlyMap<string, string> = new Map(
  Object.entries({
    а: 'a', в: 'b', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', к: 'k', м: 'm', т: 't', н: 'h',
    і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ӏ: 'l',
    α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', η: 'n',
  }),
);

/** Latin letters (and digits) that render like a Cyrillic one, used inside Russian words. */
export const CYRILLIC_LOOKALIKE: ReadonlyMap<string, string> = new Map(
  Object.entries({ a: 'а', b: 'в', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', k: 'к', m: 'м', t: 'т', h: 'н', '3': 'з', '6': 'б', '0': 'о' }),
);

/** Leetspeak in Latin words. '1' is decided in context (i or l), see the normaliser. */
export const LATIN_LEET: ReadonlyMap<string, string> = new Map(
  Object.entries({ '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' }),
);

/**
 * Traditional Han characters of the Chinese lexicons' words, folded to their simplified form so
 * one lexicon serves both (a full conversion table is not needed for matching a few hundred words).
 */
export const SIMPLIFIED_HAN: ReadonlyMap<string, string> = new Map(
  [...'殺們會將槍彈燒兒親傷頭體報話號碼證電機這個說為對媽發網資訊實誘騙脅錢劃準備絕見藥橋樓結東滅幹讓從無盡樣學裡點時間後還沒別張圖視頻爺淫穢猥褻綁綁屍刪帳號險強姦願離開遺書決錄質'].map(
    (traditional, i) => [traditional, [...'杀们会将枪弹烧儿亲伤头体报话号码证电机这个说为对妈发网资讯实诱骗胁钱划准备绝见药桥楼结东灭干让从无尽样学里点时间后还没别张图视频爷淫秽猥亵绑绑尸删帐号险强奸愿离开遗书决录质'][i]!],
  ),
);

/** Arabic letter variants that writers use interchangeably (hamza seats, alef maqsura, ta marbuta). */
export const ARABIC_LETTER_FOLD: ReadonlyMap<string, string> = new Map(
  Object.entries({ أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه', ی: 'ي', ک: 'ك' }),
);

/**
 * Arabic-Indic, Persian and Devanagari digits as ASCII ones ("١٤" → "14"), so ages and numbers
 * read alike whichever digits the writer's keyboard has; undefined for any other code point.
 */
export function asciiDigitOf(cp: number): string | undefined {
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(0x30 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(0x30 + cp - 0x06f0);
  if (cp >= 0x0966 && cp <= 0x096f) return String.fromCharCode(0x30 + cp - 0x0966);
  return undefined;
}

/** Marks and fillers that change nothing a reader sees the way we match: dropped. */
export function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff || cp === 0x00ad || cp === 0x034f || cp === 0x180e
  );
}

/** Arabic short vowels, tanwin, shadda, Quranic marks and the tatweel: optional in writing, so dropped. */
export function isArabicOptionalMark(cp: number): boolean {
  return (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed) || cp === 0x0640;
}

/**
 * Devanagari dependent signs (matras, virama, anusvara…) change the word, so they are kept — moved
 * to the private-use area, where each is a grapheme of its own: the matcher compares graphemes, and
 * "मार" must still be found inside "मारूंगा". Nukta is dropped and chandrabindu folded to anusvara,
 * as casual writing uses them loosely.
 */
export function devanagariSign(cp: number): string | null | undefined {
  if (cp === 0x093c) return null;
  if (cp === 0x0901) return String.fromCharCode(0xe000 + 0x02);
  const isSign = (cp >= 0x0900 && cp <= 0x0903) || (cp >= 0x093a && cp <= 0x094f) || (cp >= 0x0951 && cp <= 0x0957) || cp === 0x0962 || cp === 0x0963;
  return isSign ? String.fromCharCode(0xe000 + (cp - 0x0900)) : undefined;
}

export const isDevanagariSignUnit = (code: number): boolean => code >= 0xe000 && code <= 0xe07f;

/**
 * A character test through a regular expression, remembered per BMP code unit: the normaliser and
 * the matcher ask it for every character of a mail, and a Unicode-property regex costs far more than
 * a table read. Astral characters (two units) are tested each time.
 */
function memoTest(test: (ch: string) => boolean): (ch: string) => boolean {
  const known = new Uint8Array(0x10000);
  return (ch) => {
    if (ch.length !== 1) return test(ch);
    const code = ch.charCodeAt(0);
    const cached = known[code]!;
    if (cached !== 0) return cached === 2;
    const result = test(ch);
    known[code] = result ? 2 : 1;
    return result;
  };
}

const WORD_LETTER = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;
const wordUnitBeyondAscii = memoTest((ch) => isDevanagariSignUnit(ch.charCodeAt(0)) || (WORD_LETTER.test(ch) && !NO_SPACE_SCRIPT.test(ch)));
const letterBeyondAscii = memoTest((ch) => LETTER.test(ch));
const latinBeyondAscii = memoTest((ch) => LATIN_LETTER.test(ch));

/** Letters of alphabetic scripts, whose words need boundaries when matched (Han and kana do not). */
export function isWordUnit(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return wordUnitBeyondAscii(ch);
}

/** A letter of any script (ASCII answered without a regular expression: most mail is ASCII). */
export function isLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? code >= 0x61 && code <= 0x7a : letterBeyondAscii(ch);
}

/** A Latin letter, ASCII first. */
export function isLatinLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? code >= 0x61 && code <= 0x7a : latinBeyondAscii(ch);
}
const NO_SPACE_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]$/u;

/** Scripts whose repeated letters are stretched for emphasis ("killll", "قتلللل") and folded. */
export const COLLAPSIBLE_LETTER = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}]$/u;
export const LATIN_LETTER = /^\p{Script=Latin}$/u;
export const CYRILLIC_LETTER = /^\p{Script=Cyrillic}$/u;
export const GREEK_LETTER = /^\p{Script=Greek}$/u;
export const isCollapsibleLetter = memoTest((ch) => COLLAPSIBLE_LETTER.test(ch));
export const isCyrillicLetter = memoTest((ch) => CYRILLIC_LETTER.test(ch));
export const isGreekLetter = memoTest((ch) => GREEK_LETTER.test(ch));
/** A letter, digit or leet symbol of a token (ASCII answered without a regular expression). */
export const isTokenPart = memoTest((ch) => /^[\p{L}\p{N}@$!|]$/u.test(ch));

/** Quote marks, for telling a quoted threat from the writer's own words. */
export const QUOTE_TOGGLES = new Set(['"', '“', '”']);
export const QUOTE_OPENERS = new Set(['„', '«', '「', '『', '‹']);
export const QUOTE_CLOSERS = new Set(['»', '」', '』', '›']);

/** Ends of a sentence. A '.' counts only before a space or the end ("e.g.", "3.5" and domains do not split). */
export const SENTENCE_ENDS = new Set(['!', '?', ';', '。', '！', '？', '；', '…', '؟', '।', '॥']);
