import { mergeTriage, triage, TRIAGE_SCAN_LIMIT, type TriageResult } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

describe('triage: true and false positives per language', () => {
  it.each<[string, string, string, number]>([
    // English
    ['en', 'threat', 'Listen up: I am going to shoot the reviewer when she leaves the building on Thursday.', 2],
    ['en', 'threat', 'i w1ll k i l l   y0u', 2],
    ['en', 'threat', 'People like him should be hanged in public.', 1],
    ['en', 'threat', 'Nice work, we are going to kill it at the hackathon.', 0],
    ['en', 'threat', 'He was jailed for writing "I will kill you" to a journalist.', 1],
    ['en', 'threat', "I'm going to hug my neighbour tomorrow.", 0],
    ['en', 'self_harm', 'I have saved up my pills and tonight I will end my life.', 2],
    ['en', 'self_harm', 'Sometimes I feel everyone would be better off without me.', 1],
    ['en', 'self_harm', 'My phone battery died halfway through the upload.', 0],
    ['en', 'child_safety', 'I found child sexual abuse material in a shared folder linked from a user page.', 2],
    ['en', 'child_safety', 'A stranger asks my 13-year-old daughter to keep their chats secret and to move to another app.', 2],
    ['en', 'child_safety', 'Our pet grooming salon moved; please fix the article.', 0],
    ['en', 'doxxing', 'Someone leaked my home address, 12 Example Road, on a forum.', 2],
    ['en', 'doxxing', 'How do I change my phone number on my profile?', 0],
    // Spanish
    ['es', 'threat', 'Mañana voy a apuñalar al moderador en la quedada.', 2],
    ['es', 'threat', 'Me mata este retraso, ¿podéis mirarlo?', 0],
    ['es', 'self_harm', 'He decidido quitarme la vida este sábado con las pastillas que guardé.', 2],
    ['es', 'child_safety', 'Un adulto le pide fotos a mi hija de 12 años y le dice que sea un secreto.', 2],
    // French
    ['fr', 'threat', 'Je vais brûler vifs les employés de votre siège ce soir.', 2],
    ['fr', 'threat', "Je tuerais pour un café, la réunion n'en finit pas.", 0],
    ['fr', 'self_harm', "J'ai décidé de me tuer demain, j'ai les médicaments.", 2],
    // German
    ['de', 'threat', 'Ich bringe dich um, wenn du mich nicht entsperrst.', 2],
    ['de', 'threat', 'Der Fehler bringt mich um, bitte helft.', 0],
    ['de', 'self_harm', 'Ich habe mich entschieden: heute Nacht nehme ich alle Schlaftabletten.', 2],
    // Russian
    ['ru', 'threat', 'Я тебя убью, когда увижу у офиса.', 2],
    ['ru', 'threat', 'Нам нужно было как-то убить время до вылета.', 0],
    ['ru', 'self_harm', 'Я решил: завтра покончу с собой.', 2],
    // Arabic
    ['ar', 'threat', 'سأقتلك عندما تخرج من المكتب غدا', 2],
    ['ar', 'threat', 'كنا نقتل الوقت في المطار', 0],
    ['ar', 'self_harm', 'قررت أن أنهي حياتي الليلة بالحبوب', 2],
    // Chinese
    ['zh', 'threat', '我明天要杀了你，等着瞧。', 2],
    ['zh', 'threat', '这个bug笑死我了，快修一下。', 0],
    ['zh', 'self_harm', '我决定了，今晚吃掉所有的安眠药自杀。', 2],
    // Hindi, Devanagari and romanized
    ['hi', 'threat', 'मैं कल तुम्हें जान से मार दूंगा', 2],
    ['hi', 'threat', 'main kal tujhe jaan se maar dunga', 2],
    ['hi', 'threat', 'diwali par hum diya jalaenge', 0],
    ['hi', 'self_harm', 'maine tay kar liya hai, aaj raat aatmahatya kar lunga', 2],
  ])('%s %s: %s → %i', (_language, category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});

describe('triage result', () => {
  it('cuts evidence from the original text, at most 120 characters', () => {
    const text = `${'Hello. '.repeat(40)}I WILL K1LL YOU tomorrow.`;
    const result = triage(text);
    expect(result.level).toBe(2);
    expect(result.categories[0]!.evidence).toBe('I WILL K1LL');
    expect(result.categories.every((c) => c.evidence.length <= 120)).toBe(true);
  });

  it('finds nothing in ordinary mail', () => {
    expect(triage('Could you update the opening hours of the museum in the infobox? Thanks!')).toEqual({ level: 0, categories: [] });
  });

  it('reads a 5 MB single-line body up to its scan limit, quickly', () => {
    const body = 'lorem ipsum dolor sit amet '.repeat(200_000);
    const started = performance.now();
    expect(triage(body).level).toBe(0);
    expect(triage(`${'x'.repeat(TRIAGE_SCAN_LIMIT)} I will kill you`).level).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('mergeTriage', () => {
  const raised: TriageResult = { level: 1, categories: [{ category: 'threat', level: 1, language: 'en', evidence: 'watch your back' }] };
  const paged: TriageResult = { level: 2, categories: [{ category: 'self_harm', level: 2, language: 'en', evidence: 'end my life tonight' }] };

  it('raises, never lowers', () => {
    expect(mergeTriage(raised, paged)).toEqual({ level: 2, categories: [paged.categories[0], raised.categories[0]] });
    expect(mergeTriage(paged, { level: 0, categories: [] })).toEqual(paged);
    expect(mergeTriage(null, raised)).toEqual(raised);
  });

  it('keeps the earlier evidence on a tie', () => {
    const again: TriageResult = { level: 1, categories: [{ category: 'threat', level: 1, language: 'de', evidence: 'pass bloß auf' }] };
    expect(mergeTriage(raised, again)).toEqual(raised);
  });
});
