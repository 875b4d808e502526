import { triage } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

describe('triage, Chinese: intent at character distance, 把 constructions, norms and their false positives', () => {
  it.each<[string, string, number]>([
    ['threat', '明晚我就去把那个管理员的车炸了。', 2],
    ['threat', '我们会毫不留情地屠杀那些难民。', 2],
    ['threat', '我得去砍死那个版主。', 2],
    ['threat', '要是那些移民都被枪杀在街上就好了。', 1],
    ['threat', '所有外国人都得死。', 1],
    ['threat', '那位演员上周自杀的消息需要加到条目里。', 0],
    ['threat', '我们不应该允许任何难民被殴打。', 0],
    ['threat', '有个破坏者一直在用编辑攻击我们的条目。', 0],
    ['self_harm', '我真希望睡着以后再也不要醒来。', 1],
    ['doxxing', '他们说查到了我的住址，要把它发得到处都是。', 1],
    ['doxxing', '如何隐藏我的邮箱地址？', 0],
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});
