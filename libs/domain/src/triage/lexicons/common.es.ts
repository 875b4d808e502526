import type { CommonLexicon } from '../lexicon.js';

export const commonEs: CommonLexicon = {
  language: 'es',
  boundaries: 'word',
  slots: {
    intent: [
      'voy a', 'vamos a', 'te voy a', 'lo voy a', 'la voy a', 'los voy a', 'las voy a', 'les voy a', 'os voy a', 'quiero', 'queremos', 'pienso',
      'tengo que', 'tenemos que', 'tengo pensado', 'juro que', 'juro que voy a', 'iré a', 'pienso ir a', 'estoy dispuesto a', 'estoy dispuesta a',
      'vamos a seguir', 'seguiremos', 'hay que', 'me encantaría', 'no veo la hora de', 'te vamos a', 'los vamos a', 'las vamos a', 'pensamos',
      'tendré que', 'tendremos que', 'voy a tener que', 'debo', 'debemos', 'necesito', 'me toca', 'nos toca', 'me voy a encargar de', 'me encargaré de',
      'quiero ir a', 'iremos a', 'vamos a ir a', 'estoy decidido a', 'estoy decidida a', 'pienso ir', 'me dispongo a', 'no pararé hasta',
    ],
    negation: ['no', 'nunca', 'jamás', 'ni', 'tampoco', 'nadie', 'sin', 'ningún', 'ninguna', 'ninguno', 'deja de', 'dejen de', 'contra'],
    counter: [
      'decir', 'dice', 'dijo', 'diciendo', 'dicen', 'escribió', 'escribe', 'escribir', 'publicó', 'amenazas como', 'mensajes como', 'cosas como',
      'frases como', 'comentarios como', 'por decir', 'por amenazar', 'por desear', 'llamar a', 'piden', 'pedir', 'citar', 'ha amenazado con',
      'amenazó con', 'amenaza con', 'amenazando con', 'si dices', 'puedes escribir', 'consecuencias por', 'cárcel por', 'prisión por', 'condenar',
    ],
    second_person: ['tú', 'tu', 'te', 'ti', 'contigo', 'usted', 'ustedes', 'vosotros', 'vosotras', 'os', 'tus', 'tu familia'],
    person: [
      'él', 'ella', 'ellos', 'ellas', 'le', 'les', 'gente', 'persona', 'personas', 'hombre', 'hombres', 'mujer', 'todos',
      'todo el mundo', 'administrador', 'administradora', 'admin', 'moderador', 'moderadora', 'editor', 'editora', 'personal', 'empleados', 'familia',
      'niños', 'jefe', 'policía', 'presidente', 'tipo', 'vecino', 'esposa', 'marido', 'novia', 'novio', 'colega', 'usuario', 'usuaria', 'cada uno de', 'cualquier', 'a todos', 'a todas',
    ],
    group: [
      'mujeres', 'gays', 'gais', 'homosexuales', 'lesbianas', 'trans', 'transexuales', 'personas trans', 'negros', 'personas negras', 'musulmanes',
      'judíos', 'inmigrantes', 'refugiados', 'migrantes', 'extranjeros', 'discapacitados', 'personas con discapacidad', 'gitanos', 'asiáticos',
      'árabes', 'cristianos', 'gente como tú', 'negro', 'judío', 'judía', 'gay', 'musulmán', 'musulmana', 'inmigrante', 'refugiado', 'refugiada', 'discapacitado', 'discapacitada', 'gitano', 'gitana', 'indígena', 'homosexual', 'lesbiana', 'transexual', 'los de tu clase', 'indígenas', 'bisexuales', 'minorías',
    ],
    place: ['oficina', 'oficinas', 'sede', 'edificio', 'escuela', 'colegio', 'iglesia', 'mezquita', 'sinagoga', 'encuentro', 'quedada', 'conferencia', 'evento', 'casa', 'coche', 'piso', 'apartamento', 'tienda', 'estación', 'biblioteca'],
    time: [
      'esta noche', 'mañana', 'hoy', 'este fin de semana', 'la próxima semana', 'esta semana', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
      'sábado', 'domingo', 'ahora mismo', 'en una hora', 'esta tarde', 'esta mañana', 'después del trabajo', 'a medianoche', 'pronto', 'la próxima vez',
      'mañana por la mañana', 'mi cumpleaños', 'su cumpleaños', 'en unas horas', 'antes de que acabe la semana',
    ],
    normative: [
      'debería', 'deberían', 'debe', 'deben', 'merece', 'merecen', 'merecerían', 'hay que', 'tendrían que', 'ojalá', 'espero que', 'si tan solo',
      'sería mejor', 'lo mejor sería', 'la única solución', 'estaríamos mejor', 'me gustaría que', 'nos iría mejor', 'ojalá alguien', 'alguien debería', 'que alguien', 'cabe esperar', 'que los', 'que las', 'habría que', 'deseo que', 'quisiera que',
    ],
    idiom: ['sin piedad', 'sin compasión', 'sin contemplaciones', 'sin descanso', 'sin dudarlo', 'sin falta', 'sin excepción', 'ni uno solo'],
  },
};
