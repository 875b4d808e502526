/** What triage looks for, and the shape of the lexicon data files in ./lexicons. */

export const TRIAGE_CATEGORIES = ['threat', 'self_harm', 'child_safety', 'doxxing'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

/** The languages the lexicons are written for; 'hi' covers Devanagari and romanized Hindi. */
export const TRIAGE_LANGUAGES = ['en', 'es', 'fr', 'de', 'ar', 'ru', 'zh', 'hi'] as const;
export type TriageLanguage = (typeof TRIAGE_LANGUAGES)[number];

/** Words every category's rules read, per language. */
export interface CommonSlots {
  /** The writer's own intent: "I will", "I'm going to", "we'll", "let's". */
  intent: string;
  /** "not", "never", "no". */
  negation: string;
  /** Counter-speech and reporting frames: "saying", "threats like", "he wrote", "for wishing". */
  counter: string;
  /** "you", "your": the addressee as target. */
  second_person: string;
  /** People as targets: "him", "her", "them", "the admin", "people", "family". */
  person: string;
  /** Groups named in identity-based threats: "women", "immigrants", "Muslims". */
  group: string;
  /** Places people are in: "office", "school", "headquarters", "meetup". */
  place: string;
  /** When: "tonight", "tomorrow", "on Friday", "this weekend", "right now". */
  time: string;
  /** Wishes and norms about harm: "should be", "deserve to be", "I wish … would be". */
  normative: string;
  /** Phrases in which a common word is not one: "毫不留情" and "sin piedad" negate nothing, "跨性别" holds no "别" (don't). */
  idiom: string;
}

export interface CategorySlots {
  threat: {
    /** Harm verbs that are a sign on their own: "kill", "stab", "burn down". */
    harm: string;
    /** Harm that needs a person, group or place near it: "attack", "get rid of", "hurt". */
    harm_weak: string;
    /** Past participles that threaten only with a norm or "you": "should be shot", "you'll get hurt". */
    harm_passive: string;
    /** Means: "gun", "knife", "acid", "bomb". */
    weapon: string;
    /** Veiled threats, a sign on their own: "watch your back", "I know where you live". */
    implicit: string;
    /** First person and harm in one word or fixed phrase: Arabic "سأقتل", Hindi "मार दूंगा". */
    first_person_threat: string;
    /** First person and a weak harm verb in one word, a threat only against someone: Spanish "eliminemos", French "attaquerons". */
    first_person_weak: string;
    /** Phrases that use a harm word harmlessly; a harm word inside one is ignored. */
    idiom: string;
  };
  self_harm: {
    /** Any sign of suicidal ideation or self-harm: "suicidal", "want to die", "better off without me". */
    sign: string;
    /** The act, first or third person: "kill myself", "end my life", "kill himself". */
    self_act: string;
    /** Acts that say self-harm only with a means: "jump", "take them all", "swallow". */
    act_needing_means: string;
    /** Method words (Crisis Text Line: they predict risk better than feelings): "pills", "bridge", "rope". */
    means: string;
    /** A decided plan or farewell: "I've decided", "my last message", "goodbye everyone". */
    plan: string;
    /** Frames of thought rather than decision, before an act: "thinking about", "thoughts of". */
    ideation: string;
    idiom: string;
  };
  child_safety: {
    /** Reporter terms that are a page on their own: "child sexual abuse material", "CSAM". */
    explicit: string;
    /** Minors: "child", "my daughter", "minor", "teenager" (ages are found by `minor_age`). */
    minor: string;
    /** Adults around them: "adult", "grown man", "stranger". */
    adult: string;
    /** Grooming conduct: "keep it secret", "not to tell", "private app", "mature for her age". */
    grooming: string;
    /** Sexual images or acts: "nude", "intimate images", "sexual". */
    sexual: string;
    /** Coercion: "threatening to share", "blackmail", "unless he pays". */
    coercion: string;
    /** A child in danger: "hits her", "being abused", "scared to go home". */
    danger: string;
    /** A child's identifying details exposed: "her school", "her full name", "home town". */
    exposure: string;
    idiom: string;
  };
  doxxing: {
    /** A sign on its own: "doxxed", "knows where I live", "found my address". */
    direct: string;
    /** Publishing verbs: "posted", "published", "leaked", "threatening to publish". */
    disclose: string;
    /** Kinds of personal data: "home address", "phone number", "passport", "IBAN". */
    personal_data: string;
    /** The writer's own data, or their own slip: "I posted my", "by mistake", "my own". */
    own_data: string;
    idiom: string;
  };
}

export type LexiconSlot = keyof CommonSlots | { [C in TriageCategory]: keyof CategorySlots[C] }[TriageCategory];

/**
 * One data file: the words of one category (or the common words) in one language. Patterns are
 * folded like the text (normalizeForTriage). With `boundaries: 'word'` a pattern matches whole
 * words unless it starts or ends with '*' ("kill*" also finds "killing"); with 'open' (scripts
 * written without spaces, or with attached clitics: Chinese, Arabic) it matches anywhere unless
 * marked '<' at the start or '>' at the end for a word edge.
 */
export interface Lexicon<Slots> {
  readonly language: TriageLanguage;
  readonly boundaries: 'word' | 'open';
  readonly slots: { readonly [S in keyof Slots]?: readonly string[] };
  /** Regular expressions over the folded text whose first group is an age ("(\d+) year old"): ages under 18 are minors. */
  readonly minorAge?: readonly string[];
}

export type CommonLexicon = Lexicon<CommonSlots>;
export type CategoryLexicon<C extends TriageCategory> = Lexicon<CategorySlots[C]> & { readonly category: C };
