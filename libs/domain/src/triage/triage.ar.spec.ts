import { triage } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

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
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});
