import { triage } from './triage.js';

/** The level of one category; for a look-alike (expected 0), the level of the whole text: it must raise nothing at all. */
const levelOf = (text: string, category: string, expected: number): number =>
  expected === 0 ? triage(text).level : (triage(text).categories.find((c) => c.category === category)?.level ?? 0);

describe('triage, Arabic: Standard and dialect futures, intents, norms and their false positives', () => {
  it.each<[string, string, number]>([
    ['threat', 'هدبح المشرف ده لما يطلع من المكتب', 2],
    ['threat', 'رح نحرق مقركم الليلة', 2],
    ['threat', 'عاوز اقتل المحرر ده', 2],
    ['threat', 'سنضرب هؤلاء المهاجرين في الشارع', 2],
    ['threat', 'ياريت حد يحرق المهاجرين دول', 1],
    ['threat', 'لازم يموتوا كل اللاجئين', 1],
    ['threat', 'مش لازم نسمح بضرب اي لاجئ', 0],
    ['threat', 'هنفني كل انواع الحشرات من الحديقة', 0],
    ['threat', 'سأرسل الترجمة غدا بعد المراجعة', 0],
    ['threat', 'قال المتهم إنه سيقتلهم، وقد سجن بسبب ذلك', 1],
    ['self_harm', 'أتمنى أن أنام ولا أستيقظ', 1],
    ['self_harm', 'رح انتحر الليلة بالحبوب اللي جمعتها', 2],
    ['child_safety', 'رجل غريب يبتز ابنتي البالغة 14 عاما ويهدد بنشر صورا خاصة لها', 2],
    ['child_safety', 'رجل غريب يرسل رسائل لبنت عمرها ١٣ سنة ويطلب صورها', 2],
    // The oath لأ…نّ, Gulf ب, Moroccan غادي, Levantine طخ, Egyptian فشخ.
    ['threat', 'والله لأذبحنك', 2],
    ['threat', 'بذبحك لو شفتك بالسوق', 2],
    ['threat', 'غادي نقتلك', 2],
    ['threat', 'رح طخك قدام الكل', 2],
    ['threat', 'هفشخك لما اشوفك', 2],
    // Fire "at you", "let us", a conjunction before the future, Egyptian "finish off".
    ['threat', 'سأطلق عليك النار عند خروجك من العمل', 2],
    ['threat', 'خلينا نحرق مقرهم بالليل', 2],
    ['threat', 'لنقتلهم جميعا', 2],
    ['threat', 'وهقتل المدير ده', 2],
    ['threat', 'هنخلص على المشرفين دول', 2],
    // Norms, someone else's threat against the writer, veiled threats.
    ['threat', 'هؤلاء اللاجئون يستحقون الموت', 1],
    ['threat', 'المستخدم المحظور هددني إنه هيقتلني', 1],
    ['threat', 'كتب أحدهم في المنتدى أنه سيفجر مبنى الجمعية', 1],
    ['threat', 'بعرف وين ساكن', 1],
    // An appeal, hyperbole, words whose letters hold a harm stem.
    ['threat', 'سأطعن في قرار حظر حسابي', 0],
    ['threat', 'هموت من الضحك على تعليقك', 0],
    ['threat', 'سنحرص على مراجعة المقال غدا', 0],
    ['threat', 'هحرق السعرات في الجيم', 0],
    ['threat', 'يتمحور النقاش حول المستخدمين الجدد', 0],
    // Someone else's future, negation with و, advice, a promise, punishing oneself.
    ['threat', 'سنقضي على الفقر في المدينة', 0],
    ['threat', 'السلام عليكم، سوف يهاجم الفريق في الشوط الثاني', 0],
    ['threat', 'ولن أقتل أي شخص مهما حصل', 0],
    ['threat', 'احذر من الروابط المشبوهة في البريد', 0],
    ['threat', 'لن تندموا على التبرع لمشروعنا', 0],
    ['threat', 'سأعاقب نفسي بعدم أكل الحلوى', 0],
    // Self-harm: Levantine حالي and the bare verb after بدي, Egyptian كوبري, wishes, a report about a brother.
    ['self_harm', 'رح اقتل حالي الليلة', 2],
    ['self_harm', 'هرمي نفسي من الكوبري بكرة', 2],
    ['self_harm', 'بدي موت حالي بالحبوب اللي عندي', 2],
    ['self_harm', 'ما عاد بدي عيش', 1],
    ['self_harm', 'أخي بيقول إنه عايز يموت', 1],
    // Hunger and hard work are no self-harm.
    ['self_harm', 'هموت من الجوع، متى الغدا؟', 0],
    ['self_harm', 'سأرمي نفسي في الشغل هذا الأسبوع', 0],
    // Child safety: Egyptian ولدي, a girl described rather than named, a child's details exposed.
    ['child_safety', 'شخص يهدد ولدي بنشر صوره العارية إلا إذا دفع', 2],
    ['child_safety', 'البنت الصغيرة اللي جنبنا بيضربها أبوها كل يوم', 2],
    ['child_safety', 'بنت أختي نشرت اسم مدرستها ومدينتها على حسابها', 1],
    // Doxxing: Egyptian نزّل, a conjunction on the verb; participants and an announced venue are no disclosure.
    ['doxxing', 'نزلوا صورة بيتي وعنواني في الجروب', 1],
    ['doxxing', 'وسرّبوا رقم هويتي في قناة التليجرام', 1],
    ['doxxing', 'سنرسل العنوان إلى المشاركين في الورشة', 0],
    ['doxxing', 'أعلن المنظمون عنوان المؤتمر الجديد', 0],
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category, expected)).toBe(expected);
  });
});
