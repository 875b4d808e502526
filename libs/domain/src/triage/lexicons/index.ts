import type { CategoryLexicon, CommonLexicon, TriageCategory } from '../lexicon.js';
import { childSafetyAr } from './child-safety.ar.js';
import { childSafetyDe } from './child-safety.de.js';
import { childSafetyEn } from './child-safety.en.js';
import { childSafetyEs } from './child-safety.es.js';
import { childSafetyFr } from './child-safety.fr.js';
import { childSafetyHi } from './child-safety.hi.js';
import { childSafetyRu } from './child-safety.ru.js';
import { childSafetyZh } from './child-safety.zh.js';
import { commonAr } from './common.ar.js';
import { commonDe } from './common.de.js';
import { commonEn } from './common.en.js';
import { commonEs } from './common.es.js';
import { commonFr } from './common.fr.js';
import { commonHi } from './common.hi.js';
import { commonRu } from './common.ru.js';
import { commonZh } from './common.zh.js';
import { doxxingAr } from './doxxing.ar.js';
import { doxxingDe } from './doxxing.de.js';
import { doxxingEn } from './doxxing.en.js';
import { doxxingEs } from './doxxing.es.js';
import { doxxingFr } from './doxxing.fr.js';
import { doxxingHi } from './doxxing.hi.js';
import { doxxingRu } from './doxxing.ru.js';
import { doxxingZh } from './doxxing.zh.js';
import { selfHarmAr } from './self-harm.ar.js';
import { selfHarmDe } from './self-harm.de.js';
import { selfHarmEn } from './self-harm.en.js';
import { selfHarmEs } from './self-harm.es.js';
import { selfHarmFr } from './self-harm.fr.js';
import { selfHarmHi } from './self-harm.hi.js';
import { selfHarmRu } from './self-harm.ru.js';
import { selfHarmZh } from './self-harm.zh.js';
import { threatAr } from './threat.ar.js';
import { threatDe } from './threat.de.js';
import { threatEn } from './threat.en.js';
import { threatEs } from './threat.es.js';
import { threatFr } from './threat.fr.js';
import { threatHi } from './threat.hi.js';
import { threatRu } from './threat.ru.js';
import { threatZh } from './threat.zh.js';

/** Every lexicon data file, all languages: compiled together into one automaton. */
export const ALL_LEXICONS: readonly (CommonLexicon | CategoryLexicon<TriageCategory>)[] = [
  commonEn, threatEn, selfHarmEn, childSafetyEn, doxxingEn,
  commonEs, threatEs, selfHarmEs, childSafetyEs, doxxingEs,
  commonFr, threatFr, selfHarmFr, childSafetyFr, doxxingFr,
  commonDe, threatDe, selfHarmDe, childSafetyDe, doxxingDe,
  commonRu, threatRu, selfHarmRu, childSafetyRu, doxxingRu,
  commonAr, threatAr, selfHarmAr, childSafetyAr, doxxingAr,
  commonZh, threatZh, selfHarmZh, childSafetyZh, doxxingZh,
  commonHi, threatHi, selfHarmHi, childSafetyHi, doxxingHi,
];
