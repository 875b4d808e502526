import type { CategoryLexicon } from '../lexicon.js';

export const doxxingDe: CategoryLexicon<'doxxing'> = {
  category: 'doxxing',
  language: 'de',
  boundaries: 'word',
  slots: {
    direct: [
      'doxxing', 'gedoxxt', 'gedoxt', 'weiß wo ich wohne', 'weiß, wo ich wohne', 'wissen wo ich wohne', 'wissen, wo ich wohne', 'weiß wo sie wohnt',
      'weiß wo er wohnt', 'jeder weiß jetzt wo', 'wo man sie findet', 'wo man ihn findet', 'wo man mich findet', 'meine adresse gefunden', 'hat meine adresse',
      'haben meine adresse', 'vor meiner tür', 'vor meiner haustür', 'meine identität enthüllt', 'meine identität offengelegt',
    ],
    disclose: ['geschrieben', 'eingetragen', 'online gestellt', 'ins netz gestellt', 'verbreitet', 'verbreiten', 
      'veröffentlicht', 'veröffentlichen', 'veröffentlichte', 'gepostet', 'posten', 'postet', 'geteilt', 'teilen', 'teilt', 'geleakt', 'geleaked',
      'durchgestochen', 'ins netz gestellt', 'online gestellt', 'verbreitet', 'verbreiten', 'enthüllt', 'offengelegt', 'preisgegeben', 'bloßgestellt',
      'droht zu veröffentlichen', 'wird veröffentlichen', 'wird posten', 'aufgetaucht', 'erschienen', 'hinzugefügt', 'öffentlich gemacht', 'hochgeladen',
      'eingestellt', 'verraten',
    ],
    personal_data: [
      'adresse', 'wohnadresse', 'privatadresse', 'anschrift', 'telefonnummer', 'handynummer', 'nummer', 'meine nummer', 'ihre nummer', 'iban',
      'bankkonto', 'kontonummer', 'bankverbindung', 'kreditkarte', 'reisepass', 'pass', 'personalausweis', 'ausweisnummer', 'ausweis',
      'sozialversicherungsnummer', 'führerschein', 'führerscheinnummer', 'geburtsdatum', 'ip adresse', 'ip-adresse', 'ip', 'klarnamen', 'echten namen',
      'vollen namen', 'arbeitsplatz', 'arbeitgeber', 'wo ich arbeite', 'schule', 'kennzeichen', 'nummernschild', 'haustür', 'mein haus', 'unser haus',
      'persönliche daten', 'private daten', 'persönliche informationen', 'standort', 'e-mail-adresse', 'mailadresse', 'wo ich wohne', 'wohnort',
    ],
    own_data: [
      'meine eigene', 'meine eigenen', 'meinen eigenen', 'ich habe gepostet', 'habe ich gepostet', 'versehentlich', 'aus versehen', 'ich habe eingefügt',
      'vor jahren', 'aktualisieren', 'ändern', 'umgezogen', 'hoppla', 'ups', 'offizielle', 'offiziell', 'ihr könnt weitergeben', 'dürfen sie weitergeben',
      'selbst veröffentlicht', 'ich habe veröffentlicht',
    ],
    idiom: ['web-adresse', 'webadresse', 'e-mail-verteiler', 'pass auf', 'passt', 'nummer eins', 'die nummer der'],
  },
};
