import type { CategoryLexicon } from '../lexicon.js';

export const selfHarmEs: CategoryLexicon<'self_harm'> = {
  category: 'self_harm',
  language: 'es',
  boundaries: 'word',
  slots: {
    sign: [
      'suicidio', 'suicida', 'suicidarme', 'quiero morir', 'quiero morirme', 'ojalá estuviera muerto', 'ojalá estuviera muerta', 'mejor muerto',
      'mejor muerta', 'estarían mejor sin mí', 'estarían todos mejor sin mí', 'no quiero vivir', 'no quiero seguir viviendo', 'no tengo razones para vivir',
      'no puedo más', 'no aguanto más', 'no despertar', 'no volver a despertar', 'no despertarme', 'desaparecer para siempre', 'dejar de existir',
      'autolesión', 'autolesiones', 'hacerme daño', 'cortarme', 'sobredosis', 'nota de suicidio', 'acabar con todo', 'quitarme la vida',
      'terminar con mi vida', 'acabar con mi vida', 'matarme', 'pensamientos suicidas', 'ideas suicidas', 'soy una carga', 'no existir',
      'ya no quiero estar aquí', 'no quiero estar aquí', 'poner fin a mi vida', 'quitarse la vida', 'acabar con su vida', 'dormir y no despertar',
    ],
    self_act: [
      'matarme', 'suicidarme', 'quitarme la vida', 'acabar con mi vida', 'terminar con mi vida', 'poner fin a mi vida', 'acabar con todo', 'ahorcarme',
      'tirarme', 'lanzarme', 'arrojarme', 'me voy a matar', 'me mataré', 'me suicidaré', 'se va a matar', 'va a suicidarse', 'suicidarse', 'quitarse la vida',
      'matarse', 'acabar con su vida', 'poner fin a su vida', 'tirarse', 'lanzarse', 'ya no estaré', 'no estaré aquí', 'cortarme las venas',
      'pegarme un tiro', 'envenenarme', 'tomarme todas', 'se matará', 'se suicidará', 'me quitaré la vida', 'se quitará la vida',
      'me voy a suicidar', 'voy a suicidarme', 'me suicido', 'me mato', 'me suicidaré', 'me voy a quitar la vida', 'voy a quitarme la vida',
      'se va a suicidar', 'va a quitarse la vida', 'se va a quitar la vida', 'quiere suicidarse', 'quiere matarse', 'piensa suicidarse', 'me ahorcaré',
      'me cortaré las venas', 'me pegaré un tiro', 'me tomaré todas', 'me envenenaré', 'acabaré con mi vida', 'pondré fin a mi vida', 'terminaré con todo',
    ],
    act_needing_means: ['saltaré', 'me tiraré', 'me lanzaré', 'me arrojaré', 'me colgaré', 'me las tomaré', 'me las voy a tomar', 'me voy a lanzar', 'voy a tirarme', 'voy a lanzarme', 'se tirará', 'se lanzará', 'saltará', 'saltar', 'tomarlas todas', 'tomármelas todas', 'tomarme todas', 'tragar', 'tragarme', 'colgarme', 'me voy a tirar', 'voy a saltar', 'tomar todas'],
    means: [
      'pastillas', 'somníferos', 'pastillas para dormir', 'comprimidos', 'paracetamol', 'analgésicos', 'un frasco de', 'cuerda', 'soga', 'puente',
      'azotea', 'tejado', 'vías del tren', 'las vías', 'tren', 'pistola', 'cuchilla', 'acantilado', 'balcón', 'el río', 'medicamentos', 'medicación',
    ],
    plan: [
      'lo he decidido', 'he decidido', 'ya lo decidí', 'ya decidí', 'tengo un plan', 'he hecho un plan', 'mi plan es', 'planeo', 'tengo pensado',
      'he elegido', 'adiós', 'despedida', 'me despido', 'último mensaje', 'mi último', 'cartas a mi familia', 'una carta a', 'he escrito cartas',
      'he regalado', 'regalé mis', 'todo en orden', 'mis asuntos en orden', 'he guardado las pastillas', 'he ido guardando', 'cuando todos duerman',
      'estoy listo', 'estoy lista', 'perdón por todo', 'gracias por todo', 'es el día', 'nota de despedida', 'mensaje de despedida', 'ha regalado',
      'se despidió', 'mensaje de adiós',
    ],
    ideation: ['pienso en', 'pensando en', 'he pensado en', 'pensamientos de', 'a veces pienso', 'sigo pensando', 'se me pasa por la cabeza', 'fantaseo con', 'pensar en'],
    idiom: [
      'muerto de risa', 'muerta de risa', 'me muero de risa', 'morirme de risa', 'morí de risa', 'me muero por', 'suicidio político', 'suicidio profesional',
      'se suicidó', 'su suicidio', 'el suicidio de', 'prevención del suicidio', 'tasa de suicidio', 'cometió suicidio', 'atentado suicida',
      'terrorista suicida', 'saltar a', 'saltar de alegría', 'cortarme el pelo', 'cortarme el', 'tirarme a la piscina', 'lanzarme a', 'tirarme al',
    ],
  },
};
