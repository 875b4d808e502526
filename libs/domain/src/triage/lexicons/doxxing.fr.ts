import type { CategoryLexicon } from '../lexicon.js';

export const doxxingFr: CategoryLexicon<'doxxing'> = {
  category: 'doxxing',
  language: 'fr',
  boundaries: 'word',
  slots: {
    direct: [
      'doxxing', 'doxé', 'doxée', 'sait où j’habite', "sait où j'habite", 'savent où j’habite', "savent où j'habite", 'sait où elle habite',
      'sait où il habite', 'tout le monde sait où', 'où la trouver', 'où le trouver', 'où me trouver', 'trouvé mon adresse', 'a mon adresse',
      'ont mon adresse', 'devant chez moi', 'révélé mon identité', 'dévoilé mon identité',
    ],
    disclose: [
      'publié', 'publiée', 'publiés', 'publiées', 'publier', 'publie', 'partagé', 'partagée', 'partagés', 'partager', 'partage', 'divulgué', 'divulguée',
      'divulgués', 'divulguer', 'fuité', 'fuitées', 'mis en ligne', 'mise en ligne', 'diffusé', 'diffusée', 'diffusés', 'diffuser', 'révélé', 'révélée',
      'révéler', 'exposé', 'exposée', 'menace de publier', 'va publier', 'publiera', 'partagera', 'diffusera', 'sont apparues', 'est apparue', 'ajouté',
      'rendu public', 'rendue publique', 'rendus publics', 'posté', 'postée', 'postés', 'poster', 'balancé', 'mis sur',
    ],
    personal_data: [
      'numéro personnel', 'numéro perso', 'numéro privé', 'son numéro', 'mon numéro', 'son lycée', 'son école', 'son collège', 'vrai nom', 'son adresse', 'mon adresse',
      'adresse', 'adresse personnelle', 'adresse postale', 'numéro de téléphone', 'téléphone', 'portable', 'mon numéro', 'son numéro', 'iban',
      'compte bancaire', 'rib', 'numéro de compte', 'carte bancaire', 'passeport', "carte d'identité", "numéro d'identité", 'sécurité sociale',
      'permis de conduire', 'date de naissance', 'adresse ip', 'ip', 'vrai nom', 'nom complet', 'nom et prénom', 'lieu de travail', 'où je travaille',
      'école', 'collège', 'plaque d’immatriculation', "plaque d'immatriculation", 'immatriculation', 'porte d’entrée', "porte d'entrée", 'ma maison',
      'mon immeuble', 'données personnelles', 'informations personnelles', 'informations privées', 'coordonnées', 'localisation', 'adresse e-mail',
      'adresse mail', 'e-mail personnel', 'où j’habite', "où j'habite", 'chez moi',
    ],
    own_data: [
      'mon propre', 'ma propre', "j'ai publié", "j'ai posté", 'par erreur', 'par accident', 'accidentellement', "j'ai collé", "j'ai inclus", "j'ai partagé",
      'il y a des années', 'mettre à jour mon', 'mettre à jour mon adresse', 'changer mon', "j'ai déménagé", 'oups', "j'ai ajouté", 'officiel', 'officielle',
      'vous pouvez partager', 'vous pouvez donner',
    ],
    idiom: ["s'adresser", 'adresse du site', 'carnet d’adresses'],
  },
};
