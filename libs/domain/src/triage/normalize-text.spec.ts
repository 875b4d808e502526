import { normalizeForTriage } from './normalize-text.js';

describe('normalizeForTriage', () => {
  it.each<[string, string]>([
    ['I WILL KILL', 'i wil kil'],
    ['k i l l', 'kil'],
    ['k.i.l.l', 'kil'],
    ['k1ll su1c1de ki11', 'kil suicide kil'],
    ['h3ll0 5pm', 'helo spm'],
    ['ｋｉｌｌ', 'kil'],
    ['kіll', 'kil'],
    ['k\u200bi\u200bl\u200bl', 'kil'],
    ['Ich werde dich TÖTEN', 'ich werde dich toten'],
    ['я тебя yбью', 'я тебя убью'],
    ['سَأَقْتُلُكَ', 'ساقتلك'],
    ['殺了你', '杀了你'],
    ['عمرها ١٣ سنة', 'عمرها 13 سنه'],
    ["you!!! don't", 'you don t'],
  ])('%s → %s', (text, folded) => {
    expect(normalizeForTriage(text).text).toBe(folded);
  });

  it('reads Arabic-Indic, Persian and Devanagari digits as ASCII ones', () => {
    expect(normalizeForTriage('۱۴ साल, १५ वर्ष, ٠٩').text).toBe(normalizeForTriage('14 साल, 15 वर्ष, 09').text);
  });

  it('keeps Devanagari signs, so मार and मारूंगा differ', () => {
    expect(normalizeForTriage('मारूंगा').text).not.toBe(normalizeForTriage('मार').text);
    expect(normalizeForTriage('मारूंगा').text.startsWith(normalizeForTriage('मार').text)).toBe(true);
  });

  it('maps every folded unit back to the original', () => {
    const original = 'Ｉ  WILL\u200b k.i.l.l';
    const folded = normalizeForTriage(original);
    expect(original.slice(folded.start[0], folded.end[folded.text.length - 1])).toBe(original);
  });

  it('numbers sentences and marks quoted words', () => {
    const folded = normalizeForTriage('He wrote "I will kill you". Awful.');
    const kill = folded.text.indexOf('kil');
    expect(folded.quoted[kill]).toBe(1);
    expect(folded.sentence[folded.text.indexOf('awful')]).toBeGreaterThan(folded.sentence[kill]!);
  });
});
