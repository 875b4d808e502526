import type { CategoryLexicon, CommonLexicon, TriageCategory } from '../lexicon.js';
import { childSafetyEn } from './child-safety.en.js';
import { commonEn } from './common.en.js';
import { doxxingEn } from './doxxing.en.js';
import { selfHarmEn } from './self-harm.en.js';
import { threatEn } from './threat.en.js';

/** Every lexicon data file, all languages: compiled together into one automaton. */
export const ALL_LEXICONS: readonly (CommonLexicon | CategoryLexicon<TriageCategory>)[] = [
  commonEn, threatEn, selfHarmEn, childSafetyEn, doxxingEn,
];
