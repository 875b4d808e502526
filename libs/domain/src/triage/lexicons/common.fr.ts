import type { CommonLexicon } from '../lexicon.js';

export const commonFr: CommonLexicon = {
  language: 'fr',
  boundaries: 'word',
  slots: {
    intent: [
      'je vais', 'on va', 'nous allons', 'je veux', 'nous voulons', 'on veut', "j'ai l'intention de", 'je compte', 'je dois', 'il faut que je',
      'je vais te', 'je vais vous', 'je vais le', 'je vais la', 'je vais les', 'on va te', 'on va les', 'nous allons les', 'je te jure que je vais',
      'je suis prêt à', 'je suis prête à', 'je vais aller', "j'irai", 'je viendrai', 'on continuera à', 'nous continuerons à', 'allons', 'je me chargerai de',
      "j'aimerais", 'je rêve de', 'je compte bien', 'il va falloir que je', 'faut que je', 'je vais devoir', 'nous allons devoir', 'on va devoir',
      'il faut que nous', 'il faut qu’on', "il faut qu'on", 'je suis décidé à', 'je suis décidée à', 'je me charge de', 'nous irons', 'on ira',
      'je vais aller', 'je compte venir', 'je veux aller',
    ],
    negation: ['ne', 'pas', 'jamais', 'personne', 'aucun', 'aucune', 'ni', 'sans', 'non', 'plus jamais', "n'", 'contre', 'arrêtez de', 'arrête de'],
    counter: [
      'dire', 'dit', 'disant', 'disent', 'écrit', 'écrire', 'a écrit', 'publié', 'menaces comme', 'messages comme', 'propos comme', 'des choses comme',
      'phrases comme', 'commentaires comme', 'pour avoir dit', 'pour avoir menacé', 'pour avoir souhaité', 'appeler à', 'appelle à', 'appellent à',
      'citer', 'a menacé de', 'menace de', 'menaçant de', 'si tu dis', 'tu peux écrire', 'conséquences pour', 'en prison pour', 'condamner', 'dénoncer',
    ],
    second_person: ['tu', 'te', 'toi', 'vous', 'ton', 'ta', 'tes', 'votre', 'vos', 'ta famille', 'votre famille'],
    person: [
      'lui', 'elle', 'eux', 'elles', 'gens', 'personne', 'personnes', 'homme', 'hommes', 'femme', 'tout le monde', 'administrateur', 'administratrice',
      'admin', 'modérateur', 'modératrice', 'éditeur', 'contributeur', 'contributrice', 'personnel', 'employés', 'famille', 'enfants', 'patron', 'police',
      'président', 'type', 'voisin', 'voisine', 'femme', 'mari', 'copine', 'copain', 'collègue', 'utilisateur', 'utilisatrice', 'ceux', 'chacun de',
    ],
    group: [
      'femmes', 'gays', 'homosexuels', 'lesbiennes', 'trans', 'personnes trans', 'transgenres', 'noirs', 'personnes noires', 'musulmans', 'juifs',
      'immigrés', 'immigrants', 'réfugiés', 'migrants', 'étrangers', 'handicapés', 'personnes handicapées', 'roms', 'asiatiques', 'arabes', 'chrétiens',
      'les gens comme toi', 'les gens comme vous', 'ton espèce', 'minorités', 'bisexuels', 'homos', 'blacks', 'rebeus', 'feujs', 'handicapé', 'homo', 'black',
      'noir', 'noire', 'juif', 'juive', 'musulman', 'musulmane', 'réfugié', 'réfugiée', 'immigré', 'immigrée', 'migrant', 'migrante', 'étranger', 'lesbienne',
      'gay', 'transgenre', 'arabe', 'rom',
    ],
    place: ['bureau', 'bureaux', 'siège', 'bâtiment', 'école', 'église', 'mosquée', 'synagogue', 'rencontre', 'conférence', 'événement', 'maison', 'voiture', 'appartement', 'magasin', 'gare', 'bibliothèque', 'locaux', 'lieu', 'salle', 'local', 'quartier général', 'université', 'lycée'],
    time: [
      'ce soir', 'demain', "aujourd'hui", 'ce week-end', 'la semaine prochaine', 'cette semaine', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi',
      'samedi', 'dimanche', 'tout de suite', 'maintenant', 'dans une heure', 'cet après-midi', 'ce matin', 'après le travail', 'à minuit', 'bientôt',
      'la prochaine fois', 'demain matin', 'mon anniversaire', 'son anniversaire', 'cette nuit', "dans quelques heures",
    ],
    normative: [
      'devrait', 'devraient', 'doit', 'doivent', 'mérite', 'méritent', 'mériteraient', 'il faut', 'il faudrait', 'faudrait', "j'aimerais que",
      'je souhaite que', 'si seulement', 'ce serait mieux', 'le mieux serait', 'la seule solution', 'on serait mieux', 'que les', 'qu’on',
      "j'espère que", 'espérons que', 'souhaite que', 'irait mieux', 'on se porterait mieux', 'peut qu’espérer', "peut qu'espérer", 'que quelqu’un',
      "que quelqu'un", 'quelqu’un devrait', "quelqu'un devrait", 'seule solution', "qu'on les", 'qu’on les', 'il faut les', 'faut les',
    ],
    idiom: ['sans pitié', 'sans merci', 'sans hésiter', 'sans exception', 'sans relâche', 'ne peut qu', 'ne peut que', 'ne peuvent qu', 'n\'a plus qu', 'ne reste qu', 'ne reste plus qu', 'il n\'y a qu', 'n\'y a plus qu', 'ne restera qu'],
  },
};
