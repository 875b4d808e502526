import { triage } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

describe('triage, French: conjugated harm verbs, intent, norms and their false positives', () => {
  it.each<[string, string, number]>([
    ['threat', "J'égorgerai ce modérateur à la sortie du bureau.", 2],
    ['threat', 'Nous massacrerons les migrants de ce quartier.', 2],
    ['threat', 'Il va falloir que je poignarde cet administrateur.', 2],
    ['threat', 'Attaquons les réfugiés dès ce soir.', 2],
    ['threat', "Quelqu'un devrait tordre le cou à ces journalistes.", 1],
    ['threat', 'Mort à tous les juifs.', 1],
    ['threat', 'Un utilisateur banni dit qu’il viendra tirer dans vos locaux.', 1],
    ['threat', 'Attaquons le problème des doublons dès lundi.', 0],
    ['threat', 'Cette modification viole le règlement du site.', 0],
    ['threat', 'On tue le temps en attendant le train.', 0],
    ['self_harm', 'Demain je me suicide, j’ai gardé les médicaments.', 2],
    ['self_harm', 'Ce soir je sauterai du pont, ma décision est prise.', 2],
    ['child_safety', 'J’ai trouvé des contenus pédocriminels dans une galerie liée au wiki.', 2],
    ['child_safety', 'Ma fille joue au parc avec ses amis le mercredi.', 0],
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});
