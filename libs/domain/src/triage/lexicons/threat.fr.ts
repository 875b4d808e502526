import type { CategoryLexicon } from '../lexicon.js';
import { allForms, firstPersonForms, frEr } from './inflect.js';

/** Harm verbs that are a threat in any form ("tuerai", "massacrons", "qu'on les égorge"). */
const STRONG = [
  frEr('tuer', ['tue']), frEr('assassiner'), frEr('poignarder'), frEr('égorger'), frEr('buter'), frEr('flinguer'), frEr('massacrer'), frEr('décapiter'),
  frEr('lyncher'), frEr('étrangler'), frEr('torturer'), frEr('exterminer'), frEr('empoisonner'), frEr('fusiller'), frEr('lapider'), frEr('trucider'),
  frEr('zigouiller'), frEr('dégommer'), frEr('mitrailler'), frEr('tabasser'), frEr('cramer'), frEr('immoler'),
];
/** Harm verbs that threaten only against someone ("violer le règlement", "attaquer le problème", "brûler les étapes"). */
const WEAK = [
  frEr('violer'), frEr('attaquer'), frEr('éliminer'), frEr('éradiquer'), frEr('frapper'), frEr('brûler'), frEr('incendier'), frEr('exécuter'),
  frEr('kidnapper'), frEr('gazer'), frEr('écraser'), frEr('liquider'), frEr('blesser'), frEr('cogner'), frEr('agresser'), frEr('anéantir'),
];

export const threatFr: CategoryLexicon<'threat'> = {
  category: 'threat',
  language: 'fr',
  boundaries: 'word',
  slots: {
    harm: [
      'tuer', 'te tuer', 'vous tuer', 'le tuer', 'la tuer', 'les tuer', 'assassiner', 'poignarder', 'égorger', 'buter', 'flinguer', 'tirer sur',
      'abattre', 'massacrer', 'décapiter', 'lyncher', 'étrangler', 'torturer', 'violer', 'brûler vif', 'brûler vive', 'brûler vifs', 'mettre le feu',
      'incendier', 'faire sauter', 'faire exploser', 'poser une bombe', 'ouvrir le feu', 'exterminer', 'casser les jambes', 'péter la gueule',
      'casser la gueule', 'défoncer', 'empoisonner', 'écraser', 'mort aux', 'gazer', 'pendre', 'noyer', 'kidnapper', 'enlever', 'crever', 'saigner',
      'exécuter les', 'exécuter tous', 'trancher la gorge', 'te crever', 'vous crever', 'buter tous', 'fusiller', ...allForms(STRONG),
      'briser le cou', 'briser la nuque', 'rompre le cou', 'tordre le cou', 'casser le cou', 'brise le cou', 'brisent le cou', 'tranche la gorge',
      'tranchent la gorge', 'trancher la tête', 'couper la tête', 'mettre fin à la vie', 'mettre fin à leur vie', 'ôter la vie', 'enlever la vie',
      'mort à tous', 'mort à toutes', 'mort à ces', 'à mort les', 'à mort ces', 'peine de mort pour', 'au bûcher', 'sur le bûcher', 'au poteau',
      'abats', 'abat', 'abattent', 'abattrai', 'abattrons', 'abattra', 'abattront', 'abattrait', 'abattraient', 'abatte', 'abattions',
      'pendrai', 'pendrons', 'pendra', 'pende', 'pendent', 'pendez-les', 'pendons', 'tirerai sur', 'tirerons sur', 'tire sur', 'tirer dans le tas',
    ],
    harm_weak: [
      'attaquer', 'blesser', 'faire du mal', 'faire mal', 'se débarrasser de', 'nous débarrasser de', 'débarrasser de', 'en finir avec', 'mettre fin à',
      'éliminer', 'éradiquer', 'anéantir', 'détruire', 'frapper', 'taper', 'donner une leçon', 'faire payer', "s'en prendre à", 'brûler', 'exécuter',
      'exécution', 'purger', 'lapider', 'nettoyer', 'chasser', 'liquider', 'régler son compte', ...allForms(WEAK), 'en finisse avec', 'en finissent avec',
      'en finira avec', 'en finiront avec', 'en finir une fois pour toutes', 'mette fin à', 'mettent fin à', 'mettra fin à', 'se débarrasse de',
      'se débarrassent de', 'débarrasser des', 'détruise', 'détruisent', 'détruira', 'tirer dans', 'tirera dans', 'venir tirer', 'faire du mal à',
    ],
    harm_passive: [
      'tués', 'tuées', 'tué', 'tuée', 'assassinés', 'assassinées', 'fusillés', 'fusillées', 'brûlés', 'brûlées', 'au bûcher', 'pendus', 'pendues',
      'violées', 'violés', 'torturés', 'torturées', 'massacrés', 'massacrées', 'exterminés', 'exterminées', 'éradiqués', 'éradiquées', 'éliminés',
      'éliminées', 'exécutés', 'exécutées', 'noyés', 'noyées', 'lapidés', 'lapidées', 'égorgés', 'égorgées', 'mourir', 'meurent', 'crèvent', 'crever',
      'gorge tranchée', 'la gorge tranchée', 'abattus', 'abattues', 'poignardés', 'poignardées', 'battus', 'battues', 'lynchés', 'lynchées', 'gazés',
      'morts', 'mortes', 'attaqués', 'attaquées', 'tabassés', 'tabassées',
    ],
    weapon: ['pistolet', 'arme', 'armes', 'fusil', 'couteau', 'machette', 'bombe', 'explosifs', 'acide', 'essence', 'hache', 'batte', 'flingue'],
    first_person_threat: [
      'je te tuerai', 'je vous tuerai', 'je le tuerai', 'je la tuerai', 'je les tuerai', 'je tuerai', 'nous tuerons', 'on tuera', 'je te poignarderai',
      'je les poignarderai', 'je brûlerai', 'nous brûlerons', 'je torturerai', 'nous torturerons', 'je violerai', 'je les égorgerai', "j'égorgerai",
      'je massacrerai', 'nous massacrerons', 'nous exterminerons', "j'exterminerai", 'je te défonce', 'je te crève', 'je vais te crever', 'je te bute',
      'je vais te buter', 'je te casse la gueule', "j'abattrai", "je t'abattrai", 'nous éliminerons', 'nous attaquerons', 'je ferai sauter',
      'on continuera à attaquer', 'nous continuerons à attaquer', "je t'égorgerai", "je t'étranglerai", ...firstPersonForms(STRONG),
      'je te briserai', 'je vais te briser', 'je vais te casser', 'je te casserai', 'je te pendrai',
    ],
    first_person_weak: [
      ...firstPersonForms(WEAK), 'débarrassons-nous', 'débarrassons nous', 'nous en finirons avec', "j'en finirai avec", 'on en finira avec', 'je détruirai', 'nous détruirons', 'finissons-en avec',
      'finissons en avec', 'je mettrai fin à', 'nous mettrons fin à', 'je ferai du mal', 'on va leur faire du mal',
    ],
    implicit: [
      'fais attention', 'faites attention', 'surveille tes arrières', 'surveillez vos arrières', 'tu vas le regretter', 'vous allez le regretter',
      'tu le regretteras', 'vous le regretterez', 'je sais où tu habites', 'je sais où vous habitez', 'on sait où tu habites', 'quelque chose de grave',
      'il va t’arriver quelque chose', 'ce serait dommage que', "s'il arrivait quelque chose", 'tes jours sont comptés', 'vos jours sont comptés',
      'tu vas payer', 'vous allez payer', 'tu es mort', 't’es mort', 'tu es le prochain', 'tu es la prochaine', 'les accidents arrivent',
      'tu vas voir ce qui arrive', 'ce qui arrive aux gens qui', 'tu es prévenu', 'vous êtes prévenu', 'dernier avertissement', 'je te retrouverai',
      'je vous retrouverai', 'je viendrai te chercher', 'tu ne le verras pas venir', 'je vais te faire souffrir', 'tu vas souffrir', 'il pourrait arriver',
      'des gens comme toi', 'il t’arrivera malheur', 'gare à toi', 'surveiller tes arrières', 'surveiller vos arrières', 'tes arrières', 'vos arrières',
      'ce qui arrive à ceux qui', 'ce qui arrive aux gens qui', 'ce serait dommage qu', 'il arrive quelque chose à', "qu'il t'arrive quelque chose",
      'que vous le regrettiez', 'que tu le regrettes', 'que tu regrettes', 'que vous regrettiez', 'tu vas le payer', 'vous allez le payer',
      'tu me le paieras', 'vous me le paierez', "ça va mal finir pour", 'tu ne perds rien pour attendre', 'on se retrouvera', 'je vais te retrouver',
    ],
    idiom: [
      'tuer le temps', 'me tue', 'me tuent', 'ça me tue', 'je tuerais pour', 'tuerais pour', 'mort de rire', 'morte de rire', 'mourir de rire',
      'crise cardiaque', 'attaque cardiaque', 'crise de panique', "attaquer le retard", 'attaquer le problème', 'exécuter la', 'exécuter le',
      'exécuter un', 'exécuter une', 'exécuterons la', 'exécuterons le', 'une bombe', "c'est une bombe", 'tirer sur la corde', 'tirer un trait',
      'abattre du travail', 'abattre le travail', 'écraser la concurrence', 'nettoyer la', 'nettoyer le', 'nettoyer les', 'taper un', 'taper le',
      'défoncer la concurrence', 'faire sauter la banque', 'enlever le', 'enlever la', 'enlever les', 'crever de faim', 'crever de chaud', 'je crève de',
      'on crève de', 'à mourir', 'tue le temps', 'tuer dans l’œuf', "tuer dans l'oeuf", 'violer la loi', 'violer le règlement', 'viole la', 'viole le',
      'violé la', 'violé le', 'violent la', 'violent le', 'violation de', 'attaquer le', 'attaquons le', 'attaquons la', 'attaquerons le', 'attaquerons la',
      'éliminer les doublons', 'éliminer le', 'éliminer la', 'éliminons le', 'éliminons la', 'exécutez le', 'exécute le', 'exécuté le', 'brûler les étapes',
      'brûlé le', 'brûlé la', 'écraser le fichier', 'écrasé le', 'écrase le', 'liquider le stock', 'frapper à la porte', 'frappe à la porte', 'frappé à la porte',
      'me tue', 'tue-moi', 'mitrailler de questions', 'cramé le', 'cramé la',
    ],
  },
};
