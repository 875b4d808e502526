import { triage } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

describe('triage, Russian: every form of harm stems, inflected groups, norms and their false positives', () => {
  it.each<[string, string, number]>([
    ['threat', 'Я застрелю этого админа у входа в офис.', 2],
    ['threat', 'Мы перебьём всех беженцев в этом районе.', 2],
    ['threat', 'Мне придётся зарезать этого модератора.', 2],
    ['threat', 'Вот бы кто-нибудь сжёг этих мигрантов.', 1],
    ['threat', 'Кто-то должен свернуть шею этим евреям.', 1],
    ['threat', 'Пользователь пишет, что устроит стрельбу в редакции.', 1],
    ['threat', 'Я бы убил за чашку чая после такого совещания.', 0],
    ['threat', 'Нужно уничтожить старые черновики до пятницы.', 0],
    ['threat', 'Этот истребитель впервые показали на авиасалоне.', 0],
    ['self_harm', 'Я всё решил: завтра прыгну с моста.', 2],
    ['self_harm', 'Друг сказал, что думает о самоубийстве.', 1],
    ['child_safety', 'Девочка написала, что отчим её бьёт и она боится идти домой.', 2],
    ['doxxing', 'Мне написали, что мой адрес нашли и скоро выложат.', 1],
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});
