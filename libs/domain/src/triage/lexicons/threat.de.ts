import type { CategoryLexicon } from '../lexicon.js';
import { allForms, deWeak, firstPersonForms } from './inflect.js';

/** Regular harm verbs in every form ("tötet", "ermordeten", "auszurotten"); strong verbs are listed by hand below. */
const STRONG = [
  deWeak('töt'), deWeak('ermord', '', ''), deWeak('folter'), deWeak('vergewaltig', '', ''), deWeak('erwürg', '', ''), deWeak('erdrossel', '', ''),
  deWeak('lynch'), deWeak('köpf'), deWeak('massakrier', '', ''), deWeak('abschlacht', '', ''), deWeak('vergas', '', ''), deWeak('vergift', '', ''),
  deWeak('erhäng', '', ''), deWeak('rott', 'aus'), deWeak('merz', 'aus'), deWeak('lösch', 'aus'), deWeak('richt', 'hin'), deWeak('knall', 'ab'),
  deWeak('fackel', 'ab'), deWeak('murks', 'ab'), deWeak('mach', 'kalt'), deWeak('prügel', 'tot'), deWeak('steinig'), deWeak('häng', 'auf'),
];
/** Verbs that threaten only against someone ("die Konkurrenz vernichten", "Fehler beseitigen"). */
const WEAK = [deWeak('vernicht', '', ''), deWeak('beseitig', '', ''), deWeak('eliminier', '', ''), deWeak('attackier', '', ''), deWeak('verletz', '', ''), deWeak('verprügel', '', ''), deWeak('jag')];

export const threatDe: CategoryLexicon<'threat'> = {
  category: 'threat',
  language: 'de',
  boundaries: 'word',
  slots: {
    harm: [
      'töten', 'umbringen', 'abstechen', 'erstechen', 'erschießen', 'abknallen', 'niederschießen', 'abschlachten', 'schlachten', 'massakrieren',
      'köpfen', 'enthaupten', 'lynchen', 'erwürgen', 'erdrosseln', 'foltern', 'vergewaltigen', 'verbrennen', 'lebendig verbrennen', 'anzünden',
      'abfackeln', 'in die luft jagen', 'in die luft sprengen', 'sprengen', 'bombe legen', 'das feuer eröffnen', 'ausrotten', 'auslöschen',
      'die beine brechen', 'fresse polieren', 'die fresse einschlagen', 'zusammenschlagen', 'verprügeln', 'vergiften', 'überfahren', 'tod den', 'tod allen',
      'vergasen', 'aufhängen', 'erhängen', 'ertränken', 'entführen', 'kehle durchschneiden', 'die kehle aufschlitzen', 'kaltmachen', 'abmurksen',
      'hinrichten', 'abstechen werde', 'kaputt schlagen', 'totschlagen', 'totprügeln', 'erschlagen', ...allForms(STRONG),
      'ersteche', 'ersticht', 'erstach', 'erstachen', 'erstochen', 'erschieße', 'erschießt', 'erschoss', 'erschossen', 'erschießen', 'abzustechen',
      'stach ab', 'sticht ab', 'stechen ab', 'abgestochen', 'bringt um', 'brachte um', 'brachten um', 'umzubringen', 'umgebracht', 'verbrannte',
      'verbrennt', 'niederbrennen', 'niederzubrennen', 'niedergebrannt', 'brennt nieder', 'brannte nieder', 'erschlägt', 'erschlug', 'erschlagen',
      'totschlägt', 'schlug tot', 'schlagen tot', 'ertränkt', 'ertränken', 'das genick brechen', 'genick brechen', 'das genick brechen', 'den hals umdrehen',
      'die kehle durchschneiden', 'die kehle aufschneiden', 'gehören auf den scheiterhaufen', 'auf den scheiterhaufen', 'an den galgen', 'gehören an die wand',
      'an die wand stellen', 'vergast', 'die todesstrafe für', 'das leben nehmen', 'ums leben bringen', 'das leben auslöschen', 'leben ausmerzen',
      'in die luft jage', 'in die luft sprenge', 'breche dir', 'brech dir', 'breche euch', 'breche ihm', 'breche ihr', 'jage in die luft', 'sprenge in die luft', 'ein massaker', 'ein blutbad',
    ],
    harm_weak: [
      'angreifen', 'verletzen', 'wehtun', 'weh tun', 'loswerden', 'ein ende setzen', 'ein ende machen', 'beseitigen', 'eliminieren', 'vernichten',
      'zerstören', 'schlagen', 'eine lektion erteilen', 'bezahlen lassen', 'jagen', 'fertigmachen', 'fertig machen', 'säubern', 'steinigen',
      'attackieren', 'erledigen', 'weg machen', 'hinrichtung', 'ausschalten', ...allForms(WEAK), 'todesstrafe', 'greift an', 'greifen an', 'griff an',
      'angreifen wird', 'anzugreifen', 'ein ende setzt', 'ein ende setzen', 'ein ende bereitet', 'ein ende bereiten', 'ein ende macht', 'schießen',
      'um sich zu schießen', 'um sich schießen', 'schießt', 'schlägt', 'verletzt', 'zusammenschlägt',
    ],
    harm_passive: [
      'getötet', 'umgebracht', 'erschossen', 'erstochen', 'verbrannt', 'gehängt', 'erhängt', 'ermordet', 'vergewaltigt', 'gefoltert', 'abgeschlachtet',
      'geschlagen', 'angegriffen', 'hingerichtet', 'gelyncht', 'ausgerottet', 'vernichtet', 'ertränkt', 'erwürgt', 'vergast', 'beseitigt', 'tot',
      'sterben', 'die kehle durchgeschnitten', 'kehle durchgeschnitten', 'auf dem scheiterhaufen', 'auf offener straße erschossen', 'gesteinigt',
      'verprügelt', 'zusammengeschlagen', 'ausgelöscht', 'eliminiert', 'verletzt',
    ],
    weapon: ['waffe', 'waffen', 'pistole', 'gewehr', 'messer', 'machete', 'bombe', 'sprengstoff', 'säure', 'benzin', 'axt', 'baseballschläger', 'knarre'],
    first_person_threat: [
      'ich bring dich um', 'ich bringe dich um', 'ich bring euch um', 'ich bringe euch um', 'ich bring ihn um', 'ich bringe ihn um', 'ich bring sie um',
      'ich bringe sie um', 'wir bringen euch um', 'wir bringen sie um', 'ich stech dich ab', 'ich steche dich ab', 'ich knall dich ab', 'ich mach dich kalt',
      'ich mach dich fertig', 'ich polier dir die fresse', 'ich schlag dich tot', 'ich zünde', 'ich zünd', 'ich jage', 'wir jagen', 'ich foltere',
      'wir foltern', 'wir vernichten', 'ich vernichte', 'wir greifen', 'wir werden euch', 'ich schlachte', 'wir schlachten', 'wir töten', 'ich töte',
      'wir werden weiter', 'ich brech dir', 'ich breche dir', ...firstPersonForms(STRONG), 'steche ich', 'stech ich', 'erschieße ich', 'erschieß ich',
      'ich erschieße', 'ich ersteche', 'wir erschießen', 'wir erstechen', 'brenne ich', 'brennen wir', 'ich brenne', 'wir brennen', 'bringe ich', 'bring ich',
      'bringen wir', 'breche ich', 'brech ich', 'schlage ich', 'schlag ich', 'zünde ich', 'zünden wir', 'sprenge ich', 'sprengen wir', 'ich sprenge',
      'ich vergewaltige', 'ich schieße', 'schieße ich', 'wir schießen',
    ],
    first_person_weak: [...firstPersonForms(WEAK), 'ich greife', 'wir greifen', 'greife ich', 'greifen wir', 'ich schlage', 'wir schlagen', 'ich verletze'],
    implicit: [
      'pass auf dich auf', 'pass bloß auf', 'passen sie auf', 'pass gut auf', 'du wirst es bereuen', 'sie werden es bereuen', 'ihr werdet es bereuen',
      'ich weiß wo du wohnst', 'ich weiß, wo du wohnst', 'wir wissen wo du wohnst', 'ich weiß wo sie wohnen', 'es wird etwas passieren',
      'etwas schlimmes passiert', 'wäre schade wenn', 'wäre doch schade', 'wenn etwas passieren würde', 'deine tage sind gezählt', 'ihre tage sind gezählt',
      'du wirst dafür bezahlen', 'das wirst du büßen', 'du bist tot', 'du bist der nächste', 'du bist die nächste', 'unfälle passieren', 'unfälle geschehen',
      'was mit leuten passiert', 'du wirst sehen was passiert', 'ihr seid gewarnt', 'du bist gewarnt', 'letzte warnung', 'ich finde dich', 'ich kriege dich',
      'ich krieg dich', 'wirst es nicht kommen sehen', 'ich lasse dich leiden', 'du wirst leiden', 'könnte etwas zustoßen', 'zustoßen', 'sieh dich vor',
      'schau dich um', 'leute wie du', 'für den rest eures lebens bereut', 'für den rest deines lebens bereust', 'dass ihr es bereut', 'dass du es bereust',
      'dass sie es bereuen', 'ihr werdet sehen was', 'du wirst schon sehen', 'das wird folgen haben', 'pass auf, wenn du', 'nicht mehr sicher',
    ],
    idiom: [
      'zeit totschlagen', 'die zeit totschlagen', 'bringt mich um', 'macht mich fertig', 'ich könnte morden für', 'würde töten für', 'sterbe vor lachen',
      'vor lachen gestorben', 'totgelacht', 'herzinfarkt', 'panikattacke', 'den rückstand angreifen', 'das problem angreifen', 'die migration ausführen',
      'eine bombe', 'bombenstimmung', 'bombenwetter', 'bombig', 'schlagen vor', 'schlage vor', 'schlagen sie vor', 'vorschlagen', 'zeit schlagen',
      'den rekord schlagen', 'ziele schlagen', 'feuer und flamme', 'zerstören die konkurrenz', 'schlagen die', 'schlägt vor', 'nachschlagen',
      'beseitigen den', 'beseitigen die fehler', 'fehler beseitigen', 'jagen die', 'schnäppchen jagen', 'verbrennen kalorien', 'kalorien verbrennen',
      'geld verbrennen', 'die finger verbrennen', 'den mund verbrennen', 'schießen sie los', 'schieß los', 'schießt los', 'schießen sie ruhig los', 'habe mich verbrannt', 'hab mich verbrannt', 'mich beim kochen verbrannt',
      'die finger verbrannt', 'löscht die', 'lösche die', 'lösch die', 'löschen die', 'auslöschen der daten', 'vernichtet die konkurrenz',
      'sie beim', 'vernichtend geschlagen', 'deutlich geschlagen', 'verletzt sich', 'hat sich verletzt', 'verletzt wurde', 'datenschutz verletzt',
      'verletzt die regeln', 'verletzt das urheberrecht', 'urheberrecht verletzt', 'verletzt die', 'richtlinie verletzt', 'jagt die', 'jagen die',
    ],
  },
};
