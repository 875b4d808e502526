import type { CategoryLexicon } from '../lexicon.js';

export const childSafetyDe: CategoryLexicon<'child_safety'> = {
  category: 'child_safety',
  language: 'de',
  boundaries: 'word',
  minorAge: ['(\\d{1,2}) jahre? alt', '(\\d{1,2}) jahrige', '(\\d{1,2}) jahrigen', '(\\d{1,2}) jahriger', '(\\d{1,2}) jahriges', '(?:sie|er) (?:ist|sei|war) (?:erst |nur )?(\\d{1,2})\\b', 'unter (1[0-7]|[1-9]) jahren'],
  slots: {
    explicit: [
      'darstellungen sexuellen kindesmissbrauchs', 'darstellung sexuellen kindesmissbrauchs', 'sexuellen kindesmissbrauchs', 'sexueller kindesmissbrauch',
      'kindesmissbrauchsdarstellungen', 'missbrauchsdarstellungen', 'kinderpornografie', 'kinderpornographie', 'kinderpornografisch', 'kinderpornographisch',
      'jugendpornografie', 'jugendpornographie', 'missbrauchsabbildungen',
      'sexueller missbrauch von kindern', 'sexuellen missbrauch von kindern', 'sexuellen missbrauchs von kindern', 'sexueller kindesmissbrauch',
      'kindesmissbrauch', 'missbrauchsdarstellungen', 'kinderpornografie', 'kinderpornographie', 'kinderpornos', 'darstellungen sexuellen missbrauchs',
      'sexuelle ausbeutung von kindern', 'sexuelle ausbeutung minderjähriger', 'sexuelle bilder von minderjährigen', 'nacktbilder von minderjährigen',
      'nacktbilder eines kindes', 'missbrauch eines kindes', 'ein kind missbraucht', 'kind wird missbraucht', 'kinderhandel', 'csam', 'pädophiler',
      'sexuellen missbrauch eines', 'sexuelle übergriffe auf', 'missbrauchsabbildungen', 'missbrauchsmaterial',
    ],
    minor: [
      'kind', 'kinder', 'kindes', 'minderjährig', 'minderjährige', 'minderjährigen', 'minderjähriger', 'mein sohn', 'meine tochter', 'sohn', 'tochter',
      'jugendlich', 'jugendliche', 'jugendlichen', 'jugendlicher', 'teenager', 'junge', 'mädchen', 'kleines mädchen', 'kleiner junge', 'schüler',
      'schülerin', 'schülerinnen', 'baby', 'kleinkind', 'junger nutzer', 'junge nutzerin', 'junge autorin', 'junger autor', 'neffe', 'nichte', 'enkel',
      'enkelin', 'stieftochter', 'stiefsohn', 'teenie',
    ],
    adult: ['erwachsener', 'erwachsene', 'erwachsenen', 'erwachsener mann', 'älterer mann', 'ein mann', 'fremder', 'fremde', 'unbekannter', 'erwachsener nutzer', 'pädophiler', 'täter'],
    grooming: [
      'grooming', 'geheim halten', 'geheimhalten', 'unser geheimnis', 'niemandem erzählen', 'nichts sagen', 'nichts erzählen', 'nicht verraten',
      'private app', 'andere app', 'in eine andere app', 'privaten chat', 'privater chat', 'geschenke', 'reif für ihr alter', 'reif für sein alter',
      'treffen will', 'sich treffen', 'persönlich treffen', 'will sie treffen', 'will ihn treffen', 'fotos verlangt', 'fordert fotos', 'fotos schicken',
      'bilder schicken', 'webcam', 'private nachrichten', 'privat schreibt', 'schreibt ihr privat', 'schreibt ihm privat', 'sexuelle nachrichten',
      'freundin', 'freund',
    ],
    sexual: [
      'nackt', 'nacktbilder', 'nacktfotos', 'intime bilder', 'intime fotos', 'private fotos', 'private bilder', 'freizügige', 'explizite bilder',
      'sexuell', 'sexuelle', 'sexuellen', 'unterwäsche', 'porno', 'pornografisch', 'sex', 'intime videos', 'anzügliche',
    ],
    coercion: [
      'erpresst', 'erpressen', 'erpressung', 'droht damit', 'droht die', 'droht, die', 'drohen', 'droht', 'es sei denn', 'wenn er nicht', 'wenn sie nicht',
      'bezahlt', 'zahlen', 'geld', 'mehr schicken', 'sextortion', 'fordert geld', 'verlangt geld', 'zu veröffentlichen', 'zu verschicken',
    ],
    danger: [
      'sie schlägt', 'ihn schlägt', 'es schlägt', 'ihm wehtut', 'ihr wehtut', 'ihm weh tut', 'ihr weh tut', 'tut ihm weh', 'tut ihr weh', 'angst hat nach hause',
      'angst nach hause', 'angst, nach hause', 'angst hat, heute', 'angst, heute', 'zurückzugehen', 'misshandelt', 'misshandlung', 'verletzt wird',
      'geschlagen wird',
      'schlägt sie', 'schlägt ihn', 'tut ihr weh', 'tut ihm weh', 'wird missbraucht', 'missbraucht', 'misshandelt', 'misshandlung', 'missbrauch',
      'in gefahr', 'angst nach hause', 'angst, nach hause', 'angst heimzugehen', 'eingesperrt', 'entführt', 'vermisst', 'fasst sie an', 'fasst ihn an',
      'unmittelbarer gefahr', 'akuter gefahr', 'wird geschlagen', 'verletzt sie', 'verletzt ihn', 'gewalt', 'wehgetan', 'weh getan', 'tut weh',
    ],
    exposure: [
      'ihre schule', 'seine schule', 'name ihrer schule', 'name seiner schule', 'vollständigen namen', 'vollen namen', 'echten namen', 'klarnamen',
      'heimatort', 'wohnort', 'ihre adresse', 'seine adresse', 'wo sie wohnt', 'wo er wohnt', 'sie kontaktieren', 'ihn kontaktieren', 'schuluniform',
      'fotos von sich', 'bilder von sich', 'persönliche daten', 'persönlichen daten',
    ],
    idiom: [
      'hundepflege', 'fellpflege', 'grooming des backlogs', 'backlog grooming', 'kinderfreundlich', 'kindgerecht', 'kinder und jugendtelefon',
      'kinderschutzgesetz', 'kinderrechte', 'rechte des kindes', 'inhalte für erwachsene', 'erwachsenenthemen', 'machtmissbrauch', 'kindprozess',
      'kinderarbeit', 'wichteln', 'geld spenden', 'spenden',
    ],
  },
};
