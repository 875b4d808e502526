/**
 * Conjugation tables for the lexicon data files: a harm verb is listed once and found in every
 * form a writer uses ("matar" → "mataré", "matemos", "mataran", "matándolos"). Regular paradigms
 * only; irregular forms are listed by hand in the data files. Patterns are folded like the text,
 * so accents here are for the reader.
 */

/** Forms of a lexicon verb, split by what they say about the writer. */
export interface VerbForms {
  /** Any form: infinitive, participle, gerund, every person and tense. */
  readonly all: string[];
  /** Forms that are the writer's own intent in one word: "mataré", "matemos", "tuerai", "tuons". */
  readonly firstPerson: string[];
}

const ES_CLITICS = ['lo', 'la', 'los', 'las', 'le', 'les', 'te', 'os', 'nos'];

/** Spanish spelling before e: "atacar" → "ataque", "ahogar" → "ahogue", "cazar" → "cace". */
function esBeforeE(stem: string): string {
  if (stem.endsWith('c')) return `${stem.slice(0, -1)}qu`;
  if (stem.endsWith('g')) return `${stem}u`;
  if (stem.endsWith('z')) return `${stem.slice(0, -1)}c`;
  return stem;
}

/** A regular Spanish -ar verb ("matar"), with object clitics on the infinitive and gerund. */
export function esAr(infinitive: string, except: readonly string[] = []): VerbForms {
  const s = infinitive.slice(0, -2);
  const e = esBeforeE(s);
  const present = ['o', 'as', 'a', 'amos', 'áis', 'an'].map((x) => s + x);
  const preterite = [`${e}é`, `${s}aste`, `${s}ó`, `${s}asteis`, `${s}aron`];
  const imperfect = ['aba', 'abas', 'ábamos', 'abais', 'aban'].map((x) => s + x);
  const future = ['aré', 'arás', 'ará', 'aremos', 'aréis', 'arán'].map((x) => s + x);
  const conditional = ['aría', 'arías', 'aríamos', 'aríais', 'arían'].map((x) => s + x);
  const subjunctive = ['e', 'es', 'emos', 'éis', 'en'].map((x) => e + x);
  const pastSubjunctive = ['ara', 'aras', 'áramos', 'arais', 'aran', 'ase', 'asen'].map((x) => s + x);
  const nonFinite = [infinitive, `${s}ando`, `${s}ado`, `${s}ada`, `${s}ados`, `${s}adas`];
  const clitics = ES_CLITICS.flatMap((c) => [`${infinitive}${c}`, `${s}ándo${c}`]);
  const firstPerson = [`${s}aré`, `${s}aremos`, `${e}emos`, ...['te', 'lo', 'la', 'los', 'las', 'os', 'les'].map((c) => `${c} ${s}o`)];
  const all = [...present, ...preterite, ...imperfect, ...future, ...conditional, ...subjunctive, ...pastSubjunctive, ...nonFinite, ...clitics];
  return { all: all.filter((form) => !except.includes(form)), firstPerson };
}

/** French spelling before a or o: "égorger" → "égorgeons", "menacer" → "menaçons". */
function frBeforeAO(stem: string): string {
  if (stem.endsWith('g')) return `${stem}e`;
  if (stem.endsWith('c')) return `${stem.slice(0, -1)}ç`;
  return stem;
}

/** A regular French -er verb ("tuer"), with "je/nous/on" future and the "let's" imperative as first person. */
export function frEr(infinitive: string, except: readonly string[] = []): VerbForms {
  const s = infinitive.slice(0, -2);
  const ao = frBeforeAO(s);
  const present = ['e', 'es', 'ent', 'ez'].map((x) => s + x).concat(`${ao}ons`);
  const imperfect = ['ais', 'ait', 'aient'].map((x) => ao + x).concat([`${s}ions`, `${s}iez`]);
  const future = ['erai', 'eras', 'era', 'erons', 'erez', 'eront'].map((x) => s + x);
  const conditional = ['erais', 'erait', 'erions', 'eriez', 'eraient'].map((x) => s + x);
  const pastSimple = ['a', 'èrent'].map((x) => (x === 'a' ? ao : s) + x);
  const nonFinite = [infinitive, `${ao}ant`, `${s}é`, `${s}ée`, `${s}és`, `${s}ées`];
  const vowel = /^[aeéèêiîouhy]/.test(infinitive);
  const je = vowel ? "j'" : 'je ';
  const firstPerson = [
    `${je}${s}erai`, `nous ${s}erons`, `on ${s}era`, `${ao}ons`, `${ao}ons les`, `${ao}ons-les`,
    ...(vowel ? ["je t'", "je l'", 'je les '] : ['je te ', 'je le ', 'je la ', 'je les ', 'je vous ']).map((pronoun) => `${pronoun}${s}e`),
    ...(vowel ? ["je t'", "je l'", 'je les ', 'je vous '] : ['je te ', 'je le ', 'je la ', 'je les ', 'je vous ']).map((pronoun) => `${pronoun}${s}erai`),
  ];
  const all = [...present, ...imperfect, ...future, ...conditional, ...pastSimple, ...nonFinite];
  return { all: all.filter((form) => !except.includes(form)), firstPerson };
}

/**
 * A regular (weak) German verb by its stem and separable prefix ("bring" + "um" is not weak; use
 * for "töt", "ermord", "folter"): finite forms, "zu" infinitive and participle. With a separable
 * prefix ("ab" + "fackel"), the split main-clause forms ("fackle … ab") are the bare finite forms.
 */
export function deWeak(stem: string, prefix = '', participlePrefix = 'ge'): VerbForms {
  const finite = ['e', 'st', 't', 'en', 'et', 'te', 'test', 'ten', 'tet'].map((x) => stem + (stem.endsWith('t') || stem.endsWith('d') ? x.replace(/^s?t/, (m) => `e${m}`) : x));
  const joined = finite.map((f) => prefix + f);
  const participle = prefix === '' ? `${participlePrefix}${stem}${stem.endsWith('t') ? 'et' : 't'}` : `${prefix}ge${stem}${stem.endsWith('t') ? 'et' : 't'}`;
  const infinitive = `${prefix}${stem}en`;
  const zu = prefix === '' ? `zu ${infinitive}` : `${prefix}zu${stem}en`;
  const firstPerson = [`ich ${stem}e`, `wir ${stem}en`].flatMap((f) => [`${f} dich`, `${f} euch`, `${f} ihn`, `${f} sie`]);
  // Verb second after a fronted time or place ("heute Nacht töte ich …", "morgen fackeln wir … ab").
  firstPerson.push(`${stem}e ich`, `${stem}en wir`);
  return { all: [...(prefix === '' ? finite : []), ...joined, participle, infinitive, zu], firstPerson };
}

/** The forms of several verbs, one list per slot. */
export function allForms(verbs: readonly VerbForms[]): string[] {
  return [...new Set(verbs.flatMap((verb) => verb.all))];
}

export function firstPersonForms(verbs: readonly VerbForms[]): string[] {
  return [...new Set(verbs.flatMap((verb) => verb.firstPerson))];
}
