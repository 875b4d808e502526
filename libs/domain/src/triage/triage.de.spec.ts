import { triage } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

describe('triage, German: conjugated harm verbs, verb-second intent, norms and their false positives', () => {
  it.each<[string, string, number]>([
    ['threat', 'Morgen erschieße ich den Admin vor dem Büro.', 2],
    ['threat', 'Ich werde die Redaktion niederbrennen.', 2],
    ['threat', 'Wir werden diesen Flüchtlingen ein Ende setzen.', 2],
    ['threat', 'Jemand sollte diesen Migranten das Genick brechen.', 1],
    ['threat', 'Die Todesstrafe wäre die einzige Antwort auf diese Ausländer.', 1],
    ['threat', 'Ein gesperrter Nutzer schreibt, er werde den Treffpunkt angreifen.', 1],
    ['threat', 'Schießen Sie los, wir hören zu.', 0],
    ['threat', 'Der Beitrag verletzt die Richtlinien zur Neutralität.', 0],
    ['threat', 'Ich habe mich am Ofen verbrannt und komme später.', 0],
    ['self_harm', 'Heute Nacht bringe ich mich um, die Tabletten liegen bereit.', 2],
    ['self_harm', 'Ich wünschte, ich würde nie wieder aufwachen.', 1],
    ['child_safety', 'Ein Nutzer lädt Darstellungen sexuellen Kindesmissbrauchs hoch.', 2],
    ['child_safety', 'Der Stiefvater schlägt das Kind, es hat Angst, nach Hause zu gehen.', 2],
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});
