import type { CategoryLexicon } from '../lexicon.js';

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
      'exécuter les', 'exécuter tous', 'trancher la gorge', 'te crever', 'vous crever', 'buter tous', 'fusiller',
    ],
    harm_weak: [
      'attaquer', 'blesser', 'faire du mal', 'faire mal', 'se débarrasser de', 'nous débarrasser de', 'débarrasser de', 'en finir avec', 'mettre fin à',
      'éliminer', 'éradiquer', 'anéantir', 'détruire', 'frapper', 'taper', 'donner une leçon', 'faire payer', "s'en prendre à", 'brûler', 'exécuter',
      'exécution', 'purger', 'lapider', 'nettoyer', 'chasser', 'liquider', 'régler son compte',
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
      'on continuera à attaquer', 'nous continuerons à attaquer', "je t'égorgerai", "je t'étranglerai",
    ],
    implicit: [
      'fais attention', 'faites attention', 'surveille tes arrières', 'surveillez vos arrières', 'tu vas le regretter', 'vous allez le regretter',
      'tu le regretteras', 'vous le regretterez', 'je sais où tu habites', 'je sais où vous habitez', 'on sait où tu habites', 'quelque chose de grave',
      'il va t’arriver quelque chose', 'ce serait dommage que', "s'il arrivait quelque chose", 'tes jours sont comptés', 'vos jours sont comptés',
      'tu vas payer', 'vous allez payer', 'tu es mort', 't’es mort', 'tu es le prochain', 'tu es la prochaine', 'les accidents arrivent',
      'tu vas voir ce qui arrive', 'ce qui arrive aux gens qui', 'tu es prévenu', 'vous êtes prévenu', 'dernier avertissement', 'je te retrouverai',
      'je vous retrouverai', 'je viendrai te chercher', 'tu ne le verras pas venir', 'je vais te faire souffrir', 'tu vas souffrir', 'il pourrait arriver',
      'des gens comme toi', 'il t’arrivera malheur', 'gare à toi',
    ],
    idiom: [
      'tuer le temps', 'me tue', 'me tuent', 'ça me tue', 'je tuerais pour', 'tuerais pour', 'mort de rire', 'morte de rire', 'mourir de rire',
      'crise cardiaque', 'attaque cardiaque', 'crise de panique', "attaquer le retard", 'attaquer le problème', 'exécuter la', 'exécuter le',
      'exécuter un', 'exécuter une', 'exécuterons la', 'exécuterons le', 'une bombe', "c'est une bombe", 'tirer sur la corde', 'tirer un trait',
      'abattre du travail', 'abattre le travail', 'écraser la concurrence', 'nettoyer la', 'nettoyer le', 'nettoyer les', 'taper un', 'taper le',
      'défoncer la concurrence', 'faire sauter la banque', 'enlever le', 'enlever la', 'enlever les', 'crever de faim', 'crever de chaud', 'je crève de',
      'on crève de', 'à mourir',
    ],
  },
};
