/**
 * Arabic verb forms for the lexicon data files: a harm verb is listed once, by its imperfect stem
 * ("قتل" of يقتل), and found with the person prefixes, future markers, conjunctions and pronoun
 * suffixes writers attach to it, in Standard Arabic and the main dialects. Forms are written folded
 * like the text (hamza seats to ا, ة to ه, ى to ي), and the normaliser reads a doubled letter as one:
 * a prefix ending in the stem's first letter ("ح" + "حرق") would fold into another word ("حرق",
 * burning), so such forms are left out.
 */

/** One-word first-person futures: Standard سأ/سن, Egyptian ه/هن, Levantine ح/حن, the oath لأ and "let us" لن. */
const FUSED_FIRST_PERSON = ['سا', 'سن', 'ه', 'ها', 'هن', 'ح', 'حن', 'لا', 'لن'];
/** Prefixes that start with a letter common at the start of other words' parts (ال + أعذب is "الأعذب", the sweetest): matched at a word edge only. */
const EDGE_PREFIXES = new Set(['ه', 'ها', 'هن', 'ح', 'حن', 'لا', 'لن', 'ب', 'بن']);
/** Futures read as intent only with an object attached: Gulf and Levantine ب ("بذبحك", "بنحرقكم"). */
const OBJECT_FIRST_PERSON = ['ب', 'بن'];
/**
 * The conjunction و written onto the next word ("وهقتلك", "وبذبحك"), listed where a prefix needs a word edge
 * (ف before a dialect future is rare, and every listed form is one more pattern to compile).
 */
const CONJUNCTIONS = ['', 'و'];
/** Third-person futures: سي/ست, Egyptian هي/هت, Levantine حي/حت, رح ي. */
const THIRD_PERSON_FUTURE = ['سي', 'ست', 'هي', 'هت', 'حي', 'حت', 'رح ي', 'رح ت', 'راح ي'];

/** Object pronouns: him, her, them (m., f.), you (sg., pl. m., pl. f.). */
export const AR_OBJECTS = ['ه', 'ها', 'هم', 'هن', 'ك', 'كم', 'كن'];
/** "You" only, where a bare first-person form is an everyday verb ("سأدفن" at a funeral, "سأعلق" a comment). */
export const AR_YOU = ['ك', 'كم', 'كن'];

export interface ArabicVerb {
  /** The imperfect stem, without person prefix: "قتل", "ذبح", "هاجم"; may end in a preposition ("قضي علي"). */
  readonly stem: string;
  /**
   * Pronouns one of which must follow for the one-word first-person forms (the stem's letters spell an
   * intransitive or everyday verb too: "سأموت", I will die, against "سأموتك"). Undefined: the stem alone.
   */
  readonly objects?: readonly string[];
}

/** A stem ending in ة (folded to ه) takes ت before a suffix: "حياه" + "ك" → "حياتك". */
function attach(stem: string, suffix: string): string {
  return stem.endsWith('ه') && suffix !== '' ? `${stem.slice(0, -1)}ت${suffix}` : stem + suffix;
}

/** A letter written twice in a row folds to one in the text, so a form holding one would match another word. */
const DOUBLED = /(.)\1/u;

/** The prefix and the stem as one word, or nothing where a doubled letter would fold them into another word ("تت" + "رجم" reads "ترجم"). */
function joined(prefix: string, stem: string): string | undefined {
  const form = prefix + stem;
  return DOUBLED.test(form) ? undefined : form;
}

/** Forms at a word edge, also after a conjunction written onto them. */
function atEdge(forms: readonly string[]): string[] {
  return CONJUNCTIONS.flatMap((conjunction) => forms.map((form) => `<${conjunction}${form}`));
}

function withObjects(form: string, verb: ArabicVerb, objects: readonly string[] | undefined): string[] {
  const required = objects ?? verb.objects;
  if (!required) return [form];
  return required.flatMap((object) => {
    const attached = attach(form, object);
    return DOUBLED.test(attached) ? [] : [`${attached}>`];
  });
}

/**
 * The writer's own intent in one word: "سأقتل", "وسنحرقكم", "هدبحه", "لأطعنن", "بذبحك". A stem's
 * `objects`, when given, must follow.
 */
export function arFusedFirstPerson(verbs: readonly ArabicVerb[]): string[] {
  const forms = verbs.flatMap((verb) => [
    ...FUSED_FIRST_PERSON.map((prefix) => ({ prefix, forms: formsOf(prefix, verb, verb.objects) })),
    ...OBJECT_FIRST_PERSON.map((prefix) => ({ prefix, forms: formsOf(prefix, verb, verb.objects ?? AR_YOU) })),
  ]);
  // سأ and سن are distinctive inside a longer word ("وسأقتل", "فسنحرق"); the others need a word edge or a conjunction before them.
  return unique(forms.flatMap(({ prefix, forms: list }) => (EDGE_PREFIXES.has(prefix) ? atEdge(list) : list)));
}

function formsOf(prefix: string, verb: ArabicVerb, objects: readonly string[] | undefined): string[] {
  const form = joined(prefix, verb.stem);
  return form ? withObjects(form, verb, objects) : [];
}

/**
 * Bare first-person forms ("اقتل", "نحرق"), intent only after an intent word ("رح اقتل", "بدنا نحرق", "غادي نقتل").
 * With a pronoun required, at a word edge: "نصفيه" is also "its two halves".
 */
export function arFirstPersonBare(verbs: readonly ArabicVerb[]): string[] {
  return unique(verbs.flatMap((verb) => {
    const forms = ['ا', 'ن'].flatMap((prefix) => formsOf(prefix, verb, verb.objects));
    return verb.objects ? atEdge(forms) : forms;
  }));
}

/**
 * Bare first-person forms with "you" attached ("اقتلك", "نحرقكم", "واذبحك"): no imperative takes "you",
 * so after "والله", Gulf "ابي" or a dialect future the writer's own threat.
 */
export function arFirstPersonAtYou(verbs: readonly ArabicVerb[]): string[] {
  const forms = verbs.flatMap((verb) => ['ا', 'ن'].flatMap((prefix) => formsOf(prefix, verb, verb.objects?.filter((object) => AR_YOU.some((you) => object.startsWith(you))) ?? AR_YOU)));
  return unique(atEdge(forms));
}

/** Someone else's harm aimed at the writer: "سيقتلني", "هيدبحنا", "رح يضربني" (a reported threat); at a word edge, as "استطعنا" (we could) holds "ستطعنا". */
export function arAgainstMe(verbs: readonly ArabicVerb[]): string[] {
  return unique(atEdge(verbs.flatMap((verb) => THIRD_PERSON_FUTURE.flatMap((prefix) => ['ني', 'نا'].flatMap((object) => joined(prefix, attach(verb.stem, object)) ?? [])))));
}

/**
 * Passive and mediopassive forms, as norms and wishes use them: Egyptian and Levantine يتقتلوا,
 * ينضربوا, Standard يقتلوا / يقتلون (the passive is spelt like the active).
 */
export function arPassive(verbs: readonly ArabicVerb[]): string[] {
  return unique(
    verbs
      .filter((verb) => !verb.stem.includes(' '))
      .flatMap((verb) => [
        ...['يت', 'ين'].flatMap((prefix) => joined(prefix, verb.stem) ?? []),
        ...['و', 'ن'].map((suffix) => `ي${verb.stem}${suffix}`),
      ]),
  );
}

function unique(forms: readonly string[]): string[] {
  return [...new Set(forms)];
}
