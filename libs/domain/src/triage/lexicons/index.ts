import type { CategoryLexicon, CommonLexicon, TriageCategory } from '../lexicon.js';
import { childSafetyDe } from './child-safety.de.js';
import { childSafetyEn } from './child-safety.en.js';
import { childSafetyEs } from './child-safety.es.js';
import { childSafetyFr } from './child-safety.fr.js';
import { commonDe } from './common.de.js';
import { commonEn } from './common.en.js';
import { commonEs } from './common.es.js';
import { commonFr } from './common.fr.js';
import { doxxingDe } from './doxxing.de.js';
import { doxxingEn } from './doxxing.en.js';
import { doxxingEs } from './doxxing.es.js';
import { doxxingFr } from './doxxing.fr.js';
import { selfHarmDe } from './self-harm.de.js';
import { selfHarmEn } from './self-harm.en.js';
import { selfHarmEs } from './self-harm.es.js';
import { selfHarmFr } from './self-harm.fr.js';
import { threatDe } from './threat.de.js';
import { threatEn } from './threat.en.js';
import { threatEs } from './threat.es.js';
import { threatFr } from './threat.fr.js';

/** Every lexicon data file, all languages: compiled together into one automaton. */
export const ALL_LEXICONS: readonly (CommonLexicon | CategoryLexicon<TriageCategory>)[] = [
  commonEn, threatEn, selfHarmEn, childSafetyEn, doxxingEn,
  commonEs, threatEs, selfHarmEs, childSafetyEs, doxxingEs,
  commonFr, threatFr, selfHarmFr, childSafetyFr, doxxingFr,
  commonDe, threatDe, selfHarmDe, childSafetyDe, doxxingDe,
];
