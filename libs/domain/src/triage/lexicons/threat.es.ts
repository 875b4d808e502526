import type { CategoryLexicon } from '../lexicon.js';

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
      'acribillar', 'fusilar', 'machacar', 'liquidar', 'cargarme a', 'cargarnos a', 'quemar a',
    ],
    harm_weak: [
      'atacar', 'herir', 'hacer daño', 'lastimar', 'deshacernos de', 'deshacerse de', 'librarnos de', 'acabar con', 'eliminar', 'erradicar', 'aniquilar',
      'destruir', 'golpear', 'pegar', 'dar una lección', 'hacer pagar', 'ir a por', 'quemar', 'ejecutar', 'ejecución', 'colgar', 'limpiar', 'purgar',
      'apedrear', 'poner fin a', 'dar caza', 'cazar', 'exterminio',
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
      'atacaremos', 'seguiremos atacando', 'eliminaremos', 'nos libraremos de', 'nos desharemos de', 'acribillaré',
    ],
    implicit: [
      'ten cuidado', 'cuídate las espaldas', 'vigila tus espaldas', 'te arrepentirás', 'te vas a arrepentir', 'sé dónde vives', 'sabemos dónde vives',
      'algo malo te va a pasar', 'algo malo le pasará', 'algo malo te pasará', 'sería una pena que', 'si le pasara algo', 'si te pasara algo',
      'tus días están contados', 'me las pagarás', 'me las vas a pagar', 'vas a pagar', 'estás muerto', 'estás muerta', 'eres el siguiente',
      'eres la siguiente', 'los accidentes pasan', 'los accidentes ocurren', 'te vas a enterar', 'lo que les pasa a los que', 'quedas avisado',
      'quedas avisada', 'último aviso', 'te encontraré', 'voy a por ti', 'vamos a por ti', 'no lo verás venir', 'te haré sufrir', 'sufrirás',
      'pagarás por esto', 'acabarás mal', 'a la gente como tú le pasan cosas', 'se arrepentirá',
    ],
    idiom: [
      'matar el tiempo', 'matar el rato', 'me mata', 'me matan', 'me está matando', 'me están matando', 'mataría por', 'me muero por', 'me muero de risa',
      'muerto de risa', 'muerta de risa', 'morirse de risa', 'atacar el problema', 'atacar los retrasos', 'atacar el atraso', 'ataque al corazón',
      'ataque de pánico', 'ataque cardíaco', 'ejecutar la', 'ejecutar el', 'ejecutar un', 'ejecutar una', 'ejecutaremos la', 'ejecutaremos el',
      'es la bomba', 'una bomba de', 'romperla', 'la vamos a romper', 'vamos a arrasar', 'dispárame', 'dispara un correo', 'tiro libre',
      'matar dos pájaros', 'pegar la', 'pegar el', 'pegar el enlace', 'colgar el', 'colgar la',
    ],
  },
};
