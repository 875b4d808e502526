import type { CategoryLexicon } from '../lexicon.js';

export const childSafetyFr: CategoryLexicon<'child_safety'> = {
  category: 'child_safety',
  language: 'fr',
  boundaries: 'word',
  minorAge: ['(\\d{1,2}) ans', 'âgée? de (\\d{1,2})\\b', 'moins de (\\d{1,2}) ans'],
  slots: {
    explicit: [
      'pédocriminel', 'pédocriminels', 'pédocriminelle', 'pédocriminelles', 'pédocriminalité', 'contenus pédopornographiques', 'pédopornographie',
      'pédopornographique', 'pédopornographiques', 'exploitation sexuelle d’enfants', "exploitation sexuelle d'enfants", 'exploitation sexuelle de mineurs',
      'abus sexuels sur enfants', 'abus sexuel sur enfant', 'abus sexuels sur mineurs', 'abus sexuel sur un enfant', 'abus sexuels sur un enfant',
      'matériel pédopornographique', 'contenu pédopornographique', 'images pédopornographiques', 'pédopornographie', 'pornographie infantile',
      "images d'abus sexuels", "d'abus sexuels sur", 'exploitation sexuelle des enfants', 'exploitation sexuelle de mineurs', "exploitation sexuelle d'enfants",
      'images sexuelles de mineurs', "images sexuelles d'un mineur", 'photos intimes d’un mineur', "pédocriminalité", 'pédocriminel', "un enfant se faire abuser",
      'un enfant abusé', 'agression sexuelle sur', 'violences sexuelles sur', 'csam', 'traite des enfants', 'pédophile', "l'abus sexuel d'un enfant",
      "abus sexuel d'un enfant", "abus sexuels d'enfants",
    ],
    minor: [
      'enfant', 'enfants', 'mineur', 'mineure', 'mineurs', 'mon fils', 'ma fille', 'fils', 'fille', 'adolescent', 'adolescente', 'adolescents', 'ado',
      'ados', 'garçon', 'petite fille', 'petit garçon', 'jeune fille', 'élève', 'élèves', 'bébé', 'jeune utilisateur', 'jeune utilisatrice',
      'jeune contributeur', 'jeune contributrice', 'neveu', 'nièce', 'petit-fils', 'petite-fille', 'collégien', 'collégienne', 'gamin', 'gamine', 'une jeune',
    ],
    adult: ['adulte', 'adultes', 'homme adulte', 'un homme', 'homme plus âgé', 'un adulte', 'inconnu', 'inconnue', 'étranger', 'utilisateur adulte', 'contributeur adulte', 'un monsieur', 'pédophile', 'prédateur'],
    grooming: [
      'grooming', 'pédopiégeage', 'en secret', 'secrète', 'secrètes', 'notre secret', 'ne rien dire', 'de ne pas en parler', 'ne pas le dire',
      'application privée', 'autre application', 'autre appli', 'appli privée', 'chat privé', 'cadeaux', 'mature pour son âge', 'le rencontrer',
      'la rencontrer', 'se rencontrer', 'en personne', 'demande des photos', 'demandé des photos', 'envoyer des photos', 'webcam', 'messages privés',
      'en privé', 'messages sexuels', 'lui écrit', 'petite amie', 'petit ami',
    ],
    sexual: [
      'nu', 'nue', 'nus', 'nues', 'dénudée', 'dénudé', 'images intimes', 'photos intimes', 'photos privées', 'photos explicites', 'images explicites',
      'sexuel', 'sexuelle', 'sexuels', 'sexuelles', 'sexuellement', 'sous-vêtements', 'porno', 'pornographique', 'sexe', 'vidéos intimes', 'photos dénudées',
    ],
    coercion: [
      'chantage', 'fait chanter', 'faire chanter', 'menace de partager', 'menace de publier', 'menace de diffuser', "menace d'envoyer", 'menaçant de',
      'menace de', 'sauf si', 'à moins que', "s'il ne paie pas", "s'il n'envoie pas", "si elle n'envoie pas", 'payer', 'argent', 'en envoyer plus',
      'extorsion', 'extorque', 'sextorsion', "exige de l'argent", 'rançon',
    ],
    danger: [
      "en train d'être blessé", "en train d'être blessée", "en train d'être frappé", "en train d'être frappée", "en train d'être maltraité",
      "en train d'être maltraitée", 'se fait frapper', 'se fait battre', 'lui fait du mal', 'lui font du mal', 'la frappe', 'le frappe', 'la bat', 'le bat',
      'peur de rentrer', 'peur de retourner', 'maltraité', 'maltraitée', 'maltraitance',
      'la frappe', 'le frappe', 'la bat', 'le bat', 'lui fait du mal', 'lui fait mal', 'se faire frapper', 'maltraité', 'maltraitée', 'maltraitance',
      'abusé', 'abusée', 'abus', 'en danger', 'peur de rentrer', 'peur de rentrer chez', 'peur de retourner', 'enfermée', 'enfermé', 'enlevé', 'enlevée',
      'la touche', 'le touche', 'attouchements', 'danger immédiat', 'se fait frapper', 'battu', 'battue', 'violenté', 'violentée', 'violences',
      'se fait maltraiter', 'subit des violences', 'est frappée', 'est frappé', 'fait du mal',
    ],
    exposure: [
      'son école', 'son collège', 'nom de son école', 'nom complet', 'vrai nom', 'nom et prénom', 'sa ville', 'son adresse', 'où elle habite',
      'où il habite', 'la contacter', 'le contacter', 'uniforme scolaire', "photos d'elle", "photos de lui", 'données personnelles', 'coordonnées',
    ],
    idiom: [
      'toilettage', 'toilettage de chiens', 'grooming du backlog', 'adapté aux enfants', 'ligne d’écoute pour enfants', 'droits de l’enfant',
      "droits de l'enfant", 'protection de l’enfance', "protection de l'enfance", 'contenu pour adultes', 'sujets pour adultes', 'abus de pouvoir',
      "abus d'autorité", 'processus enfant', 'père noël secret',
    ],
  },
};
