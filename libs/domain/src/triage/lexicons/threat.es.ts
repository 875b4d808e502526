import type { CategoryLexicon } from '../lexicon.js';
import { allForms, esAr, firstPersonForms } from './inflect.js';

/** Harm verbs that are a threat in any form ("mataré", "asesinaran", "apuñalándolos"). */
const STRONG = [
  esAr('matar', ['mate', 'mates', 'mata', 'matas']), esAr('asesinar'), esAr('apuñalar'), esAr('acuchillar'), esAr('masacrar'), esAr('decapitar'),
  esAr('linchar'), esAr('estrangular'), esAr('torturar'), esAr('envenenar'), esAr('exterminar'), esAr('fusilar'), esAr('acribillar'), esAr('ahorcar'),
  esAr('degollar'), esAr('aniquilar'), esAr('balear'), esAr('tirotear'), esAr('apedrear'), esAr('gasear'), esAr('descuartizar'), esAr('lapidar'),
  esAr('disparar', ['dispara']),
];
/** Harm verbs that threaten only against someone ("violar las normas", "atacar el problema", "quemar la cena"). */
const WEAK = [
  esAr('violar'), esAr('atacar'), esAr('eliminar'), esAr('erradicar'), esAr('golpear'), esAr('lastimar'), esAr('quemar'), esAr('incendiar'),
  esAr('ejecutar'), esAr('secuestrar'), esAr('ahogar'), esAr('atropellar'), esAr('liquidar'), esAr('apalear'), esAr('machacar'),
];

export const threatEs: CategoryLexicon<'threat'> = {
  category: 'threat',
  language: 'es',
  boundaries: 'word',
  slots: {
    harm: [
      'matar', 'matarte', 'matarlo', 'matarla', 'matarlos', 'matarlas', 'matarles', 'asesinar', 'asesinarte', 'apuñalar', 'apuñalarte', 'acuchillar',
      'disparar', 'dispararte', 'pegar un tiro', 'pegarte un tiro', 'masacrar', 'decapitar', 'linchar', 'estrangular', 'torturar', 'violar',
      'quemar vivo', 'quemar viva', 'quemarlos', 'quemarlas', 'prender fuego', 'incendiar', 'volar por los aires', 'poner una bomba', 'abrir fuego',
      'exterminar', 'romperte las piernas', 'partirte la cara', 'romperte la cara', 'reventarte', 'degollar', 'envenenar', 'atropellar', 'muerte a',
      'gasear', 'ahorcar', 'ahogar', 'secuestrar', 'te mato', 'los mato', 'las mato', 'acabar con tu vida', 'acabar con sus vidas', 'rajarte',
      'acribillar', 'fusilar', 'cargarme a', 'cargarnos a', 'quemar a', ...allForms(STRONG),
      'degüello', 'degüella', 'degüellan', 'degüellen', 'partir el cuello', 'partirle el cuello', 'partirles el cuello', 'partirte el cuello',
      'romper el cuello', 'romperle el cuello', 'romperles el cuello', 'romperte el cuello', 'romper las piernas', 'romperle las piernas',
      'cortar el cuello', 'cortarle el cuello', 'cortarles el cuello', 'rebanar el cuello', 'prenderle fuego', 'prenderles fuego', 'prenderte fuego',
      'acabar con la vida', 'quitar la vida', 'quitarle la vida', 'quitarles la vida', 'poner fin a la vida', 'muerte a todos', 'muerte a todas',
      'pegarle un tiro', 'pegarles un tiro', 'meterle un tiro', 'meterte un tiro', 'meterle una bala', 'volarle la cabeza', 'volarte la cabeza',
      'reventarle la cabeza', 'abrirle la cabeza', 'hacer volar', 'la pena de muerte', 'la horca', 'a la hoguera', 'al paredón', 'paredón',
    ],
    harm_weak: [
      'atacar', 'herir', 'hacer daño', 'lastimar', 'deshacernos de', 'deshacerse de', 'librarnos de', 'acabar con', 'eliminar', 'erradicar', 'aniquilar',
      'destruir', 'golpear', 'pegar', 'dar una lección', 'hacer pagar', 'ir a por', 'quemar', 'ejecutar', 'ejecución', 'colgar', 'limpiar', 'purgar',
      'apedrear', 'poner fin a', 'dar caza', 'cazar', 'exterminio', ...allForms(WEAK), 'ponga fin a', 'pongan fin a', 'pondré fin a',
      'pondremos fin a', 'acabe con', 'acaben con', 'acabaremos con', 'acabará con', 'hiera', 'hieran', 'heriré', 'destruya', 'destruyan', 'destruiré',
      'destruiremos', 'deshagamos de', 'deshagan de', 'libremos de', 'libraremos de', 'prender fuego a', 'prendan fuego', 'prenda fuego', 'atacarán',
    ],
    harm_passive: [
      'muertos', 'muertas', 'muerto', 'muerta', 'asesinados', 'asesinadas', 'fusilados', 'fusiladas', 'quemados', 'quemadas', 'en la hoguera',
      'ahorcados', 'ahorcadas', 'violadas', 'violados', 'torturados', 'torturadas', 'masacrados', 'masacradas', 'exterminados', 'exterminadas',
      'erradicados', 'erradicadas', 'eliminados', 'eliminadas', 'ejecutados', 'ejecutadas', 'ahogados', 'ahogadas', 'apedreados', 'apedreadas',
      'degollados', 'degolladas', 'morir', 'mueran', 'se mueran', 'corten el cuello', 'cortado el cuello', 'cortaran el cuello', 'a tiros', 'baleados',
      'tiroteados', 'tiroteadas', 'apuñalados', 'apuñaladas', 'golpeados', 'golpeadas', 'linchados', 'linchadas', 'gaseados', 'atacados', 'atacadas',
    ],
    weapon: ['pistola', 'arma', 'armas', 'escopeta', 'rifle', 'cuchillo', 'navaja', 'machete', 'bomba', 'explosivos', 'ácido', 'gasolina', 'hacha', 'bate'],
    first_person_threat: [
      'mataré', 'te mataré', 'mataremos', 'apuñalaré', 'apuñalaremos', 'quemaré', 'quemaremos', 'dispararé', 'torturaré', 'torturaremos', 'violaré',
      'degollaré', 'ahorcaré', 'asesinaré', 'asesinaremos', 'masacraremos', 'exterminaremos', 'te rompo la cara', 'te parto la cara', 'te reviento',
      'acabaré con', 'acabaremos con', 'incendiaré', 'volaré', 'te haré daño', 'os mataré', 'les mataré', 'los mataré', 'las mataré', 'te encontraré y',
      'atacaremos', 'seguiremos atacando', 'eliminaremos', 'nos libraremos de', 'nos desharemos de', 'acribillaré', ...firstPersonForms(STRONG),
 'deshagámonos de', 'librémonos de',
      'te reventaré', 'te partiré', 'le partiré', 'les partiré', 'te romperé', 'le romperé', 'les romperé', 'te quemaré', 'le prenderé fuego',
      'les prenderé fuego', 'prenderé fuego', 'te pegaré un tiro', 'le pegaré un tiro', 'os quemaré', 'les daré una lección', 'nos cargaremos',
    ],
    first_person_weak: [
      ...firstPersonForms(WEAK), 'acabemos con', 'acabaré con', 'acabaremos con', 'pondré fin a', 'pondremos fin a', 'destruiré', 'destruiremos',
      'destruyamos', 'heriré', 'hiramos', 'iré a por', 'iremos a por', 'vamos a por',
    ],
    implicit: [
      'ten cuidado', 'cuídate las espaldas', 'vigila tus espaldas', 'te arrepentirás', 'te vas a arrepentir', 'sé dónde vives', 'sabemos dónde vives',
      'algo malo te va a pasar', 'algo malo le pasará', 'algo malo te pasará', 'sería una pena que', 'si le pasara algo', 'si te pasara algo',
      'tus días están contados', 'me las pagarás', 'me las vas a pagar', 'vas a pagar', 'estás muerto', 'estás muerta', 'eres el siguiente',
      'eres la siguiente', 'los accidentes pasan', 'los accidentes ocurren', 'te vas a enterar', 'lo que les pasa a los que', 'quedas avisado',
      'quedas avisada', 'último aviso', 'te encontraré', 'voy a por ti', 'vamos a por ti', 'no lo verás venir', 'te haré sufrir', 'sufrirás',
      'pagarás por esto', 'acabarás mal', 'a la gente como tú le pasan cosas', 'se arrepentirá', 'que te arrepientas', 'que os arrepintáis',
      'que se arrepienta', 'que se arrepientan', 'os arrepentiréis', 'os vais a arrepentir', 'se van a arrepentir', 'te vas a acordar de mí',
      'os vais a acordar', 'lo que le pasa a quien', 'lo que les pasa a quienes', 'cuida tus espaldas', 'mira bien por dónde vas', 'no sabes con quién',
    ],
    idiom: [
      'matar el tiempo', 'matar el rato', 'me mata', 'me matan', 'me está matando', 'me están matando', 'mataría por', 'me muero por', 'me muero de risa',
      'muerto de risa', 'muerta de risa', 'morirse de risa', 'atacar el problema', 'atacar los retrasos', 'atacar el atraso', 'ataque al corazón',
      'ataque de pánico', 'ataque cardíaco', 'ejecutar la', 'ejecutar el', 'ejecutar un', 'ejecutar una', 'ejecutaremos la', 'ejecutaremos el',
      'es la bomba', 'una bomba de', 'romperla', 'la vamos a romper', 'vamos a arrasar', 'dispárame', 'dispara un correo', 'tiro libre',
      'matar dos pájaros', 'pegar la', 'pegar el', 'pegar el enlace', 'colgar el', 'colgar la',
      'mata el', 'mato el tiempo', 'matamos el tiempo', 'matando el tiempo', 'eliminar el', 'eliminar la', 'eliminar los', 'eliminar las', 'eliminaremos el',
      'eliminaremos la', 'eliminamos el', 'eliminamos la', 'elimina el', 'elimina la', 'ataca el', 'atacamos el', 'quemar calorías', 'quemar grasa',
      'se me quemó', 'quemé la', 'quemé el', 'ahogar las penas', 'ahogar en', 'ahogado en', 'ahogados en', 'violar la ley', 'violar las normas',
      'viola la', 'viola las', 'violan la', 'violan las', 'violado la', 'violado las', 'violaron la', 'violaron las', 'violó la', 'violó las',
      'violación de datos', 'ejecuta el', 'ejecuté el', 'ejecutamos el', 'ejecutando el', 'liquidar la', 'liquidar el', 'liquidación',
      'se eliminara', 'se elimine', 'se eliminen', 'se eliminaran', 'se eliminó', 'se eliminan', 'disparó el', 'disparado el', 'disparar la', 'dispararon los precios', 'disparan los precios',
    ],
  },
};
