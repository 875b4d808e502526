import type { CategoryLexicon } from '../lexicon.js';
import { AR_OBJECTS, AR_YOU, arAgainstMe, arFirstPersonAtYou, arFirstPersonBare, arFusedFirstPerson, arPassive, type ArabicVerb } from './inflect.ar.js';

/** People rather than things: "سأكسره" is as often "I'll break it", "سأكسرك" is aimed at someone. */
const PEOPLE = ['هم', 'هن', ...AR_YOU];

/**
 * Harm verbs that threaten on their own, by imperfect stem; Egyptian spellings too (دبح for ذبح, عزب for
 * عذب). `objects`: the letters also spell an everyday verb ("سأموت" I will die, "سأدفن" at a funeral,
 * "سنحرص" holds "سنحر"), so a pronoun must follow.
 */
const STRONG: readonly ArabicVerb[] = [
  { stem: 'قتل' }, { stem: 'ذبح' }, { stem: 'دبح' }, { stem: 'طعن' }, { stem: 'حرق' }, { stem: 'ولع في' }, { stem: 'فجر' }, { stem: 'غتصب' },
  { stem: 'عذب' }, { stem: 'عزب' }, { stem: 'شنق' }, { stem: 'سحل' }, { stem: 'عدم' }, { stem: 'رجم' }, { stem: 'فشخ' },
  { stem: 'خوزق' }, { stem: 'ضرم النار' }, { stem: 'طلق النار' }, { stem: 'نحر', objects: ['', ...AR_OBJECTS] },
  { stem: 'موت', objects: AR_OBJECTS }, { stem: 'غرق', objects: AR_OBJECTS }, { stem: 'صفي', objects: AR_OBJECTS }, { stem: 'طخ', objects: AR_OBJECTS },
  { stem: 'صلب', objects: AR_OBJECTS }, { stem: 'سلخ', objects: AR_OBJECTS }, { stem: 'دفن', objects: AR_YOU }, { stem: 'علق', objects: AR_YOU }, { stem: 'فرم', objects: AR_YOU },
  { stem: 'طلق علي', objects: AR_OBJECTS.map((object) => `${object} النار`) }, { stem: 'قطع راس', objects: AR_OBJECTS }, { stem: 'قطع رقبه', objects: AR_OBJECTS },
];

/** Harm verbs that threaten only against someone (a person, group or place near, or a pronoun attached). */
const WEAK: readonly ArabicVerb[] = [
  { stem: 'بيد', objects: AR_OBJECTS }, { stem: 'فني', objects: AR_OBJECTS }, { stem: 'ضرب', objects: AR_OBJECTS }, { stem: 'هاجم', objects: AR_OBJECTS },
  { stem: 'دمر', objects: PEOPLE }, { stem: 'كسر', objects: PEOPLE }, { stem: 'قطع', objects: PEOPLE }, { stem: 'خطف', objects: AR_OBJECTS },
  { stem: 'خلص من', objects: AR_OBJECTS }, { stem: 'تخلص من', objects: AR_OBJECTS }, { stem: 'خلص علي', objects: AR_OBJECTS },
  { stem: 'قضي علي', objects: AR_OBJECTS }, { stem: 'نهي حياه', objects: AR_OBJECTS }, { stem: 'ؤذي', objects: AR_OBJECTS }, { stem: 'اذي', objects: AR_OBJECTS },
  // "يخنق الاقتصاد", "الزحمة بتخنق": strangling is figurative unless aimed at someone.
  { stem: 'خنق', objects: AR_OBJECTS },
  { stem: 'نتقم من', objects: AR_OBJECTS }, { stem: 'ربي', objects: AR_YOU }, { stem: 'ادب', objects: AR_YOU }, { stem: 'نهي', objects: PEOPLE },
];
/** Harm only near someone, never the writer's threat: "سأعاقب ابني" (punish my son), "سأمحو تعليقاته" (delete his comments). */
const WEAK_BARE_ONLY: readonly ArabicVerb[] = [{ stem: 'عاقب' }, { stem: 'محو' }];
/** Without a pronoun attached the writer's own form is everyday near people: "سأنهي الاجتماع مع المدير", "سأربي أولادي", "هقطع الاتصال". */
const NOT_FIRST_PERSON_BARE = new Set(['نهي', 'قطع', 'ربي', 'ادب']);
/** "We drowned / burnt …" in a wish ("لو غرقنا كل …"): the past 'we' of the verbs whose past stem is the imperfect one, near someone. */
const PAST_WE = ['قتل', 'ذبح', 'دبح', 'طعن', 'حرق', 'شنق', 'خنق', 'سحل', 'رجم', 'فشخ', 'سلخ', 'غرق', 'ضرب', 'كسر', 'دمر', 'خطف'].map((stem) => `<${stem}نا`);
/**
 * Third-person forms that are everyday verbs near people ("يقطع الطريق", "يربي أطفاله", "يعاقب القانون"). Only
 * the ي form is listed: ت + stem is also a verb of its own ("ترجم" translate, "تعذب" suffer, "تفجر" burst).
 */
const NO_THIRD_PERSON = new Set(['قطع', 'ربي', 'ادب', 'عاقب', 'محو']);
/** Bare forms inside common words, matched at a word edge: "انعدام" (lack) holds "نعدم", "انفجر" (it exploded) "نفجر", "انكسر" (it broke) "نكسر". */
const INSIDE_OTHER_WORDS = new Set(['نعدم', 'نفجر', 'نسلخ', 'نكسر', 'نسحق', 'نخطف', 'نخنق']);
/** Bare forms that are other words: "أعذب" is "sweeter", "أعزب" a bachelor. */
const NOT_BARE = new Set(['اعذب', 'اعزب']);
/** "اربيك" is also "I raise you" (a parent), "ادبك" "your manners". */
const NOT_BARE_AT_YOU = new Set(['ربي', 'ادب', 'نهي']);
/** Figurative against the writer: "هذا القرار سيدمرني", "سيكسرني". */
const NOT_AGAINST_ME = new Set(['دمر', 'كسر', ...NOT_FIRST_PERSON_BARE]);

/** Generated forms that spell another word: ح + ؤذي (the hamza seat folds to و) is "حوذي", a coachman. */
const notAnotherWord = (form: string): boolean => !form.includes('حؤذي') && !form.includes('حوذي');
const bareOf = (verbs: readonly ArabicVerb[]): string[] =>
  arFirstPersonBare(verbs.filter((verb) => verb.objects !== undefined || !NOT_FIRST_PERSON_BARE.has(verb.stem)))
    .filter((form) => !NOT_BARE.has(form))
    .flatMap((form) => (INSIDE_OTHER_WORDS.has(form) ? ['', 'و', 'ف'].map((conjunction) => `<${conjunction}${form}`) : [form]));
const thirdPerson = (verbs: readonly ArabicVerb[]): string[] =>
  verbs.filter((verb) => !NO_THIRD_PERSON.has(verb.stem) && verb.objects === undefined).flatMap((verb) => `ي${verb.stem}`);
const bareVerbs = (verbs: readonly ArabicVerb[]): ArabicVerb[] => verbs.map(({ stem }) => ({ stem }));

/**
 * Hortative "why don't we" in Egyptian, ما + a bare "we" form ("ما نخلص من …"): not a negation, which
 * takes ش there ("ما نخلصش"). Only for the verbs of getting rid of someone; the common lexicon's
 * idioms lift the negation inside.
 */
export const AR_HORTATIVE_RID = ['ما نخلص من', 'ما نتخلص من', 'ما نقضي علي', 'ما نخلص علي'];

export const threatAr: CategoryLexicon<'threat'> = {
  category: 'threat',
  language: 'ar',
  boundaries: 'open',
  slots: {
    harm: [
      ...bareOf(STRONG), ...thirdPerson(STRONG), ...arAgainstMe([...STRONG.filter((verb) => verb.objects === undefined), ...WEAK].filter((verb) => !verb.stem.includes(' ') && !NOT_AGAINST_ME.has(verb.stem))),
      'اغتصاب', 'تعذيب', 'الموت ل', 'الموت لكل', 'إطلاق النار على', 'اطلاق النار على', 'رصاصة في', 'قطع رؤوس', 'قطع رأس', 'ذبح', 'تفجير', 'إبادة', 'حرق',
      'إحراق', 'نحر>', 'نحرهم', 'سحل', 'يقص رقاب', 'قطع رقاب', 'يقطع رقاب', 'تقطع رقاب', 'إفناء', 'ينهي حياة', 'إنهاء حياة', 'الله ياخد', 'الله يأخذ',
      'ربنا ياخد', 'الله يحرق', 'ربنا يحرق', 'الله يلعن ويحرق', 'يا رب يموتوا', 'إطلاق النار في', 'اطلاق النار في', 'إضرام النار', 'يستحقون الموت',
      'يستحقوا الموت', 'يستاهلوا الموت', 'يستاهلون الموت', 'تستحق الموت', 'تستاهل الموت', 'يستحق الموت', 'يستاهل الموت', 'يستحقن الموت'],
    harm_weak: [
      ...bareOf(bareVerbs([...WEAK, ...WEAK_BARE_ONLY])), ...thirdPerson(bareVerbs([...WEAK, ...WEAK_BARE_ONLY])),
      ...PAST_WE, 'اغرق', 'يغرق', 'نغرق', 'قتل', 'مهاجمة', 'الهجوم على', 'إيذاء', 'أذية', 'التخلص من', 'القضاء على', 'وضع حد ل', 'انهاء حياة', 'تصفية', 'إعدام', 'تدمير', 'ضرب', 'معاقبة',
      'تأديب', 'الانتقام من', 'طرد', 'محو', 'استئصال', '<رجم', '<سحق', 'خطف', 'اختطاف', 'الاعتداء على', 'اعتداء على', 'خلصنا من',
      'سيهاجم', 'هيهاجم', 'حيهاجم', 'يهاجموا'],
    harm_passive: [
      ...arPassive([...STRONG, { stem: 'ضرب' }, { stem: 'سحق' }].filter((verb) => verb.objects === undefined || verb.objects === AR_OBJECTS)),
      'يموتو', 'يمتن', 'يموت', 'يبادوا', 'يبدن', 'الإبادة', 'رميا بالرصاص', 'بالرصاص', 'على المحرقة', 'قطع حناجر', 'حناجرهم', 'حناجرهن', 'تقطع', 'مقتولين',
      'مقتولات', 'يمحوا', 'يزولوا', 'يختفوا', 'غرقا', 'يغرقوا', 'يغرقن', 'تستأصل', 'يستأصل', 'القضاء عليهم', 'القضاء عليهن', 'رقابهم', 'رقابهن', 'رقبته'],
    weapon: ['مطوة', 'مطواة', 'خنجر', 'سيف', 'شفرة', 'رشاش', 'كلاشن', 'مسدس', 'سلاح', 'بندقية', 'سكين', 'ساطور', 'قنبلة', 'قنابل', 'متفجرات', 'ناسف',
      'مولوتوف', 'حمض', 'أسيد', 'ماء نار', 'بنزين', 'فأس', 'عصا', 'شاكوش', 'رصاص', 'خرطوش'],
    first_person_threat: [
      ...arFusedFirstPerson([...STRONG, ...WEAK]).filter(notAnotherWord), ...arFirstPersonAtYou([...STRONG, ...WEAK].filter((verb) => !NOT_BARE_AT_YOU.has(verb.stem))),
      'سأجعلكم تندمون', 'سأجعلك تندم', 'هخليك تندم', 'هخليكم تندموا', 'حخليك تندم', 'رح خليك تندم', 'بخليك تندم', 'سأجعلك تدفع', 'سأجعلك تعاني',
      'أريد أن أقتل', 'اريد ان اقتل', 'أريد قتل', 'سأذهب لقتل', 'سأقوم بقتل', 'سنقوم بقتل', 'أريد إنهاء حياة', 'سأكسر رجليك', 'سأحطم وجهك', 'هكسر دماغك',
      'هفتح دماغك', 'سأسلخ جلدك', 'هسلخ جلدك', 'هطلع روحك', 'هطلع عينك', 'رح طخك', 'رح طخكم', 'بشرب من دمك', 'هشرب من دمك', 'سأشرب من دمك', 'سأنتقم منك', 'سننتقم منكم',
    ],
    first_person_weak: [...arFusedFirstPerson(bareVerbs(WEAK.filter((verb) => !NOT_FIRST_PERSON_BARE.has(verb.stem)))).filter(notAnotherWord), ...AR_HORTATIVE_RID.map((form) => `<${form}`), 'سنواصل مهاجمة', 'سنستمر في مهاجمة'],
    implicit: [
      'تنتبه لنفسك', 'تنتبهي لنفسك', 'تنتبهوا لأنفسكم', 'خلي بالك من ضهرك', 'خد بالك من ضهرك', 'دير بالك على ضهرك', 'راقب ظهرك', 'انتبه لظهرك',
      'الحوادث تقع', 'الحوادث بتحصل', 'الحوادث تحصل', 'الحوادث تحدث', 'تندمون', 'تندموا', 'هتندم', 'حتندم', 'رح تندم', 'راح تندم', 'بتندم', 'ستندم',
      'ستندمون', 'سوف تندم', 'ما يحدث لمن', 'اللي بيحصل للي', 'شو بصير باللي', 'هتشوف هعمل', 'هتشوف هيحصل', 'حتشوف شو', 'رح تشوف شو', 'ستعرف ماذا',
      'ستعرف ما يحدث', 'ستعرف من أنا', 'هتعرف أنا مين', 'سترى ما', 'سترون ما', 'ستعرفون ما', 'هتشوف اللي', 'هتشوفوا اللي', 'اللي هيحصلك',
      'اللي هيحصلكم', 'حتشوفوا شو', 'رح تشوفوا شو', 'شو رح يصير فيك', 'شو رح يصير فيكم', 'اعرف بيتك', 'عارف بيتك', 'بعرف بيتك', 'عارف انت ساكن فين', 'عارف ساكن فين',
      'بعرف وين ساكن', 'بعرف وين بتسكن', 'عارف وين ساكن', 'نعرف وين ساكن', 'أعرف أين تسكن', 'نعرف أين تسكن', 'أعرف أين تعيش', 'نعرف أين تعيش',
      'أعرف عنوانك', 'نعرف عنوانك', 'عارف عنوانك', 'عارفين عنوانك', 'بعرف عنوانك', 'أعرف مدرسة أولادك', 'عارف مدرسة ولادك', 'احذر مني',
      'احذروا مني', 'سيحدث لك شيء', 'هيحصلك حاجة', 'رح يصيرلك شي', 'شيء سيء سيحدث', 'سيكون من المؤسف', 'من المؤسف أن يحدث', 'أيامك معدودة',
      'ايامكم معدودة', 'ستدفع الثمن', 'ستدفع ثمن', 'هتدفع التمن', 'حتدفع التمن', 'رح تدفع التمن', 'ستدفعون الثمن', 'أنت ميت', 'انت ميت', 'إنت ميت',
      'أنت التالي', 'انت التالي', 'الدور عليك', 'هذا تحذير', 'تحذير أخير', 'آخر تحذير', 'أخر تحذير', 'سأجدك', 'سنجدك', 'هلاقيك', 'هجيبك', 'لن تراها قادمة',
      'ستعاني', 'سأريك', '<هوريك', '<حوريك', 'رح فرجيك', 'سأصل إليك', 'سنصل إليك', 'هوصلك', 'لن تفلت مني', 'لن تهرب مني', 'مش هتفلت مني', 'مش هتهرب مني'],
    idiom: [
      'قتل الوقت', 'أقتل الوقت', 'اقتل الوقت', 'يقتل الوقت', 'لقتل الوقت', 'نقتل الوقت', 'نقضي الوقت', '<يقتلني', '<تقتلني', '<بيقتلني', '<بتقتلني',
      '<بيموتني', '<بتموتني', 'قتلني الضحك', 'قتلني من الضحك', 'قتلتني من الضحك', 'موتني من الضحك', 'موتتني من الضحك', 'موتني ضحك', 'موتتني ضحك',
      'نوبة قلبية', 'أزمة قلبية', 'نوبة هلع', 'ضرب موعد', 'ضرب مثل>', 'ضرب مثلا', 'ضرب لنا مثلا', 'ضرب لك مثلا', 'ضربة حظ', 'ضرب الأرقام', 'تدمير الملفات',
      'محو البيانات', 'تنفيذ الترحيل', 'سأموت جوعا', 'أموت جوعا', 'القضاء على الفقر', 'القضاء على التلوث', 'القضاء على الأمية', 'القضاء على المرض',
      'القضاء على الفساد', 'ضرب عصفورين', 'يقتل الملل', 'اقتلعت', 'اقتلع', 'يهاجم مقال', 'يهاجم صفح', 'يهاجم الصفح', 'يهاجم المقال', 'يهاجم الموقع',
      'تحطيم الرقم', 'كسر الرقم', 'كسر الحاجز', 'كسر الروتين', 'كسر الجليد', 'تراكم', 'هاجم تراكم', 'نهاجم تراكم', 'تمحوني', 'امحوا', 'امحو', 'محوا',
      'سحق فريق', 'سحق الخصم', 'سحقنا', 'القتلى', 'قتلى', 'ضربة', 'اضراب', 'مضروب في', 'اضرب مثل', 'حرق السعرات', 'حرق الدهون', 'حرق المراحل',
      'حرق أعصاب', 'حرقة المعدة', 'طعن في الحكم', 'طعن في القرار', 'طعن في قرار', 'طعن على الحكم', 'طعن على القرار', 'طعن على قرار', 'الطعن في',
      'الطعن على', 'لن تندم', 'لن تندموا', 'مش هتندم', 'مش هتندموا', 'ما رح تندم', 'ما راح تندم', 'ما بتندم', 'ما تندم', 'قطع الطريق', 'قطع الكهرباء',
      'قطع الاتصال', 'قطع العلاقات', 'قطع وعدا', 'قطع وعد', 'نقطع الشك', 'خلص الشغل', 'ننهي الاجتماع', 'ينهي الاجتماع', 'نهي العمل', 'نهي المشروع',
      'نهي المهمه', 'نهي التقرير', 'نهي الخدمه', 'قتلع', 'قتلاع', 'سحلب', 'محور', 'تمحور', 'سمحو', 'طمحو', 'ستطرد', 'مطرد', 'تابيد', 'استغرق', 'يستغرق', 'ستستغرق', 'تستغرق', 'سنكتسح', 'هنكتسح', 'ضرب بعرض الحائط'],
  },
};
