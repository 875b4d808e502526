import { triage } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

describe('triage, Hindi (Devanagari and romanized): verb-final intent, negation and reporting after the verb', () => {
  it.each<[string, string, number]>([
    ['threat', 'hum un pravasiyon par hamla karte rahenge', 2],
    ['threat', 'main us editor ka vadh kar dunga', 2],
    ['threat', 'हम उन शरणार्थियों को समाप्त करने जा रहे हैं', 2],
    ['threat', 'kal main uski taangein tod doonga', 2],
    ['threat', 'un videshiyon ko maut mile', 1],
    ['threat', 'hume kisi mahila par atyachaar nahi hone dena chahiye', 0],
    ['threat', 'hum saara kachra samapt kar denge', 0],
    ['threat', 'main report dekh loonga, aap bhej dijiye', 0],
    ['threat', 'पानीपत की लड़ाई में मारे गए सैनिकों की संख्या', 0],
    ['threat', 'usko maar dunga kehne ki saza milni chahiye', 1],
    ['self_harm', 'aaj raat main saari goliyan kha loonga', 2],
    ['child_safety', 'एक अजनबी मेरे 13 साल के बेटे को तोहफे भेजकर किसी को न बताने को कहता है', 2],
    ['child_safety', 'क्या मैं बच्चों के अकाउंट में चैट बंद कर सकती हूं?', 0],
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});
