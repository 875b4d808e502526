import type { CategoryLexicon } from '../lexicon.js';

export const selfHarmFr: CategoryLexicon<'self_harm'> = {
  category: 'self_harm',
  language: 'fr',
  boundaries: 'word',
  slots: {
    sign: [
      'suicide', 'suicidaire', 'me suicider', 'envie de mourir', 'je veux mourir', 'veux mourir', 'je voudrais être mort', 'je voudrais être morte',
      'mieux sans moi', 'seraient mieux sans moi', 'je ne veux plus vivre', 'plus envie de vivre', 'aucune raison de vivre', "je n'en peux plus",
      'je ne peux plus continuer', 'ne pas me réveiller', 'ne plus me réveiller', 'ne jamais me réveiller', 'disparaître pour toujours', 'ne plus exister',
      "cesser d'exister", 'automutilation', 'me faire du mal', 'me scarifier', 'scarification', 'overdose', 'surdose', 'lettre de suicide',
      'en finir', 'mettre fin à mes jours', 'mettre fin à ma vie', 'me tuer', 'idées suicidaires', 'pensées suicidaires', 'je suis un fardeau',
      'être un fardeau', 'ne plus être là', 'disparaître et ne plus', "m'endormir et ne pas", 'mettre fin à ses jours', 'se suicider',
    ],
    self_act: [
      'je me suicide', 'je me tue', 'je vais me suicider', 'je vais me tuer', 'me suicider', 'je me suiciderai', 'je me tuerai', 'mettre fin à mes jours',
      'mettrai fin à mes jours', 'mettre fin à ses jours', 'mettra fin à ses jours', 'va mettre fin à ses jours', 'veut mettre fin à ses jours', 'se suicider',
      'se suicidera', 'va se suicider', 'veut se suicider', 'se tuer', 'va se tuer', 'se tuera', 'en finir avec la vie', 'en finir avec ma vie', 'me pendre',
      'me pendrai', 'me jeter sous', 'me jetterai', 'me foutre en l’air', "me foutre en l'air",
      'me tuer', 'me suicider', 'mettre fin à mes jours', 'mettre fin à ma vie', 'en finir avec la vie', 'en finir', 'me pendre', 'me jeter', 'sauter du',
      'me foutre en l’air', 'je vais me tuer', 'je me tuerai', 'je me suiciderai', 'va se tuer', 'va se suicider', 'se suicider', 'se tuer',
      'mettre fin à ses jours', 'mettre fin à sa vie', 'se jeter', 'se pendre', 'je ne serai plus là', 'ne serai plus là', 'me couper les veines',
      'me tirer une balle', "m'empoisonner", 'se donner la mort', 'me donner la mort', 'il se tuera', 'elle se tuera', 'se suicidera',
    ],
    act_needing_means: ['je sauterai', 'sauterai', 'je vais me jeter', 'me jeter', 'me jetterai', 'il sautera', 'elle sautera', 'va sauter', 'les avaler', 'tout avaler', 'sauter', 'les prendre toutes', 'toutes les prendre', 'tout avaler', 'avaler', 'me couper', 'je vais sauter', 'prendre tous mes', 'prendre toutes mes'],
    means: [
      'médicaments', 'cachets', 'comprimés', 'somnifères', 'pilules', 'paracétamol', 'antidouleurs', 'une boîte de', 'corde', 'pont', 'le pont', 'toit',
      'voie ferrée', 'les rails', 'train', 'arme', 'pistolet', 'lame', 'rasoir', 'falaise', 'balcon', 'la rivière', 'la seine', 'fenêtre', 'dernier étage',
    ],
    plan: [
      "j'ai décidé", "c'est décidé", 'ma décision est prise', "j'ai un plan", "j'ai fait un plan", 'mon plan est', 'je prévois de', "j'ai choisi",
      'adieu', 'au revoir à tous', 'dernier message', 'mon dernier', 'lettres à ma famille', 'une lettre à', "j'ai écrit des lettres", "j'ai donné mes",
      'donné mes affaires', 'mis de l’ordre dans mes affaires', 'mes affaires en ordre', 'mis mes affaires en ordre', "j'ai gardé les", "j'ai mis de côté",
      'quand tout le monde dormira', 'je suis prêt', 'je suis prête', 'pardon pour tout', 'merci pour tout', "c'est le jour", "message d'adieu",
      "lettre d'adieu", 'a donné', "ses adieux", 'fait ses adieux',
    ],
    ideation: ['je pense à', 'pense à', 'pensé à', 'pensées de', 'parfois je pense', 'je pense souvent', 'il m’arrive de penser', 'penser à', 'y pense'],
    idiom: [
      'mort de rire', 'morte de rire', 'mourir de rire', 'morts de rire', 'suicide politique', 'suicide professionnel', "s'est suicidé", "s'est suicidée",
      'son suicide', 'le suicide de', 'prévention du suicide', 'taux de suicide', 'attentat suicide', 'kamikaze', 'sauter sur', 'sauter de joie',
      'sauter le pas', 'me couper les cheveux', 'me jeter à l’eau', 'me jeter sur', 'en finir avec ce', 'en finir avec cette', 'en finir avec les',
      'sauter une', 'sauter un', 'sauter la', 'sauter le', "s'est donné la mort", 'mis fin à ses jours',
    ],
  },
};
