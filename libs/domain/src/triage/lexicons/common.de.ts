import type { CommonLexicon } from '../lexicon.js';

export const commonDe: CommonLexicon = {
  language: 'de',
  boundaries: 'word',
  slots: {
    intent: [
      'ich werde', 'ich will', 'ich möchte', 'wir werden', 'wir wollen', 'ich muss', 'wir müssen', 'ich habe vor', 'ich plane', 'ich komme und',
      'ich werde dich', 'ich werde euch', 'ich werde ihn', 'ich werde sie', 'ich werd', 'ich werd dich', 'ich schwöre ich werde', 'lasst uns', 'lass uns',
      'ich bin bereit', 'wir machen weiter', 'ich würde gern', 'ich würde gerne', 'ich kann es kaum erwarten', 'ich gehe und', 'gleich werde ich',
      'morgen werde ich', 'heute werde ich', 'dann werde ich', 'werde ich', 'werden wir', 'will ich', 'ich werde euch', 'möchte ich', 'wir möchten',
      'ich habe vor', 'ich hab vor', 'wir haben vor', 'ich bin entschlossen', 'ich sorge dafür', 'muss ich', 'müssen wir', 'lasst uns endlich',
    ],
    negation: ['nicht', 'nie', 'niemals', 'kein', 'keine', 'keinen', 'keiner', 'niemand', 'ohne', 'weder', 'nein', 'gegen', 'hört auf', 'hör auf'],
    counter: [
      'sagen', 'sagt', 'sagte', 'gesagt', 'schreibt', 'schrieb', 'geschrieben', 'gepostet', 'drohungen wie', 'nachrichten wie', 'sprüche wie',
      'sätze wie', 'kommentare wie', 'aussagen wie', 'dafür dass', 'weil du gesagt', 'für drohungen', 'aufrufen', 'ruft zu', 'rufen zu', 'zitieren',
      'hat gedroht', 'droht', 'drohte', 'wenn du sagst', 'du kannst schreiben', 'konsequenzen für', 'ins gefängnis für', 'verurteilen', 'wer sagt',
    ],
    second_person: ['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deiner', 'ihr', 'euch', 'euer', 'eure', 'sie', 'ihnen', 'deine familie'],
    person: [
      'ihn', 'ihm', 'sie', 'ihr', 'leute', 'menschen', 'person', 'personen', 'mann', 'männer', 'frau', 'alle', 'jeden', 'jede', 'admin', 'administrator',
      'administratorin', 'moderator', 'moderatorin', 'steward', 'autor', 'autorin', 'mitarbeiter', 'mitarbeiterin', 'personal', 'familie', 'kinder', 'chef',
      'polizei', 'präsident', 'typ', 'nachbar', 'nachbarin', 'ehefrau', 'ehemann', 'freundin', 'freund', 'kollege', 'kollegin', 'nutzer', 'nutzerin',
      'benutzer', 'diese', 'jeder von', 'jeden einzelnen',
    ],
    group: [
      'frauen', 'schwule', 'lesben', 'trans', 'transmenschen', 'transleute', 'schwarze', 'schwarzen', 'muslime', 'moslems', 'juden', 'einwanderer',
      'immigranten', 'flüchtlinge', 'migranten', 'ausländer', 'behinderte', 'behinderten', 'menschen mit behinderung', 'roma', 'asiaten', 'araber',
      'christen', 'homosexuelle', 'juden', 'flüchtlingen', 'migranten', 'ausländern', 'einwanderern', 'muslimen', 'frauen', 'homosexuellen', 'transmenschen', 'behinderten', 'schwulen', 'roma', 'sinti', 'leute wie dich', 'leute wie du', 'euresgleichen', 'deinesgleichen', 'minderheiten', 'bisexuelle',
    ],
    place: ['veranstaltungsort', 'treffpunkt', 'zentrale', 'redaktion', 'büro', 'büros', 'zentrale', 'hauptsitz', 'gebäude', 'schule', 'kirche', 'moschee', 'synagoge', 'treffen', 'stammtisch', 'konferenz', 'veranstaltung', 'haus', 'wohnung', 'auto', 'laden', 'bahnhof', 'bibliothek', 'geschäftsstelle'],
    time: [
      'heute nacht', 'heute abend', 'morgen', 'heute', 'am wochenende', 'dieses wochenende', 'nächste woche', 'diese woche', 'montag', 'dienstag',
      'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'jetzt sofort', 'gleich', 'in einer stunde', 'heute nachmittag', 'heute morgen',
      'nach der arbeit', 'um mitternacht', 'bald', 'nächstes mal', 'morgen früh', 'an meinem geburtstag', 'an ihrem geburtstag', 'an seinem geburtstag',
    ],
    normative: [
      'sollte', 'sollten', 'sollen', 'muss', 'müssen', 'müsste', 'müssten', 'verdient', 'verdienen', 'verdienen es', 'gehören', 'gehört', 'ich wünschte',
      'ich wünsche', 'wünsche mir', 'hoffentlich', 'ich hoffe', 'wenn nur', 'wäre am besten', 'am besten wäre', 'einzige lösung', 'wären besser dran',
      'man sollte', 'man müsste', 'es wäre besser', 'einzige antwort', 'einzige möglichkeit', 'einzige weg', 'nur hoffen', 'kann nur hoffen', 'gehört', 'verdient hätten', 'wäre gerecht',
    ],
    idiom: ['ohne gnade', 'ohne erbarmen', 'ohne mitleid', 'ohne zu zögern', 'ohne ausnahme', 'nicht nur', 'kann nur hoffen'],
  },
};
