import type { CategoryLexicon } from '../lexicon.js';

export const selfHarmDe: CategoryLexicon<'self_harm'> = {
  category: 'self_harm',
  language: 'de',
  boundaries: 'word',
  slots: {
    sign: [
      'nicht mehr aufzuwachen', 'nicht mehr aufwachen', 'nie mehr aufwachen', 'nie wieder aufwachen', 'ohne mich besser dran', 'ohne mich besser',
      'mich umzubringen', 'mich umbringen', 'mir das leben zu nehmen', 'lebensmüde', 'nicht mehr leben', 'nicht mehr leben will', 'sterben will',
      'suizid', 'selbstmord', 'suizidal', 'suizidgedanken', 'selbstmordgedanken', 'lebensmüde', 'ich will sterben', 'will nicht mehr leben',
      'möchte nicht mehr leben', 'möchte sterben', 'wäre lieber tot', 'ich wünschte ich wäre tot', 'besser dran ohne mich', 'besser ohne mich',
      'keinen grund mehr zu leben', 'ich kann nicht mehr', 'nicht mehr aufwachen', 'nie wieder aufwachen', 'für immer verschwinden', 'nicht mehr existieren',
      'selbstverletzung', 'mich selbst verletzen', 'mich ritzen', 'ritzen', 'überdosis', 'abschiedsbrief', 'allem ein ende setzen', 'meinem leben ein ende',
      'mir das leben nehmen', 'mich umbringen', 'mich töten', 'eine last für alle', 'nicht mehr da sein', 'einschlafen und nicht mehr',
      'sich das leben nehmen', 'sich umbringen', 'selbstmordgefährdet', 'suizidgefährdet',
    ],
    self_act: [
      'mich umbringe', 'mich umbringen', 'mich umzubringen', 'ich bringe mich um', 'ich bring mich um', 'bringe ich mich um', 'mich töte', 'mich töten',
      'mich zu töten', 'mir das leben nehmen', 'mir das leben zu nehmen', 'nehme mir das leben', 'sich das leben nehmen', 'sich das leben zu nehmen',
      'nimmt sich das leben', 'sich umbringen', 'sich umzubringen', 'sich umbringen wird', 'bringt sich um', 'sich töten', 'sich zu töten',
      'mich erhängen', 'mich aufhängen', 'mich vor den zug werfen', 'mich vor einen zug werfen', 'mich erschießen', 'meinem leben ein ende setzen',
      'seinem leben ein ende setzen', 'ihrem leben ein ende setzen',
      'mich umbringen', 'mich töten', 'mir das leben nehmen', 'meinem leben ein ende setzen', 'allem ein ende setzen', 'mich erhängen', 'mich aufhängen',
      'springen', 'mich vor den zug werfen', 'mich vor einen zug werfen', 'ich bringe mich um', 'ich bring mich um', 'ich nehme mir das leben',
      'sich umbringen', 'sich das leben nehmen', 'sich töten', 'seinem leben ein ende', 'ihrem leben ein ende', 'bringt sich um', 'nimmt sich das leben',
      'nicht mehr da sein', 'werde nicht mehr da sein', 'mir die pulsadern aufschneiden', 'mich erschießen', 'mich vergiften', 'sich erhängen',
      'von der brücke springen', 'in den tod springen',
    ],
    act_needing_means: ['nehme ich alle', 'nehme alle', 'schlucke alle', 'schlucke ich alle', 'alle nehmen', 'alle schlucken', 'schlucken', 'nehmen', 'springe', 'werde springen', 'mich werfen', 'sich werfen', 'alle auf einmal'],
    means: [
      'tabletten', 'schlaftabletten', 'pillen', 'medikamente', 'paracetamol', 'schmerzmittel', 'eine packung', 'strick', 'seil', 'brücke', 'die brücke',
      'dach', 'hochhaus', 'gleise', 'die gleise', 'zug', 'waffe', 'pistole', 'rasierklinge', 'klinge', 'klippe', 'balkon', 'fluss', 'den fluss',
    ],
    plan: [
      'ich habe mich entschieden', 'ich habe entschieden', 'es ist entschieden', 'mein entschluss steht', 'ich habe einen plan', 'mein plan ist',
      'ich habe vor', 'ich habe mir', 'ausgesucht', 'abschied', 'lebt wohl', 'lebe wohl', 'auf wiedersehen an alle', 'letzte nachricht', 'meine letzte',
      'briefe an meine familie', 'einen brief an', 'briefe geschrieben', 'verschenkt', 'meine sachen verschenkt', 'alles geregelt', 'meine angelegenheiten',
      'gesammelt', 'gespart', 'wenn alle schlafen', 'ich bin bereit', 'verzeiht mir', 'danke für alles', 'ist der tag', 'abschiedsnachricht', 'abschiedsbrief',
      'sich verabschiedet',
    ],
    ideation: ['denke an', 'denke darüber nach', 'gedanken an', 'gedanken daran', 'manchmal denke ich', 'dachte daran', 'daran gedacht', 'darüber nachgedacht', 'denke oft'],
    idiom: [
      'vor lachen sterben', 'sterbe vor lachen', 'totgelacht', 'politischer selbstmord', 'beruflicher selbstmord', 'hat sich das leben genommen',
      'nahm sich das leben', 'sein suizid', 'ihr suizid', 'sein selbstmord', 'ihr selbstmord', 'suizidprävention', 'selbstmordrate', 'suizidrate',
      'selbstmordanschlag', 'selbstmordattentäter', 'springen auf', 'ins kalte wasser springen', 'über seinen schatten springen', 'einspringen',
      'nehmen sie', 'nehmen teil', 'in kauf nehmen', 'kontakt aufnehmen', 'stellung nehmen', 'rücksicht nehmen', 'platz nehmen', 'teilnehmen',
    ],
  },
};
