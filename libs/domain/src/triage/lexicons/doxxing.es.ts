import type { CategoryLexicon } from '../lexicon.js';

export const doxxingEs: CategoryLexicon<'doxxing'> = {
  category: 'doxxing',
  language: 'es',
  boundaries: 'word',
  slots: {
    direct: [
      'doxeo', 'doxing', 'doxear', 'doxearon', 'sabe dónde vivo', 'saben dónde vivo', 'sabe dónde vive', 'todo el mundo sabe dónde', 'dónde encontrarla',
      'dónde encontrarlo', 'dónde encontrarme', 'encontró mi dirección', 'tiene mi dirección', 'tienen mi dirección', 'se presentó en mi casa',
      'reveló mi identidad', 'expuso mi identidad', 'han encontrado mi dirección', 'ha encontrado mi dirección',
    ],
    disclose: [
      'publicó', 'publicado', 'publicada', 'publicados', 'publicadas', 'publicaron', 'publicar', 'publicando', 'compartió', 'compartido', 'compartida',
      'compartir', 'compartiendo', 'filtró', 'filtrado', 'filtrada', 'filtrar', 'filtraron', 'subió', 'subido', 'subida', 'puso en internet', 'difundió',
      'difundido', 'difundir', 'difundiendo', 'reveló', 'revelado', 'revelar', 'expuso', 'expuesto', 'amenaza con publicar', 'va a publicar', 'publicará',
      'compartirá', 'difundirá', 'han aparecido', 'apareció en', 'aparecieron en', 'añadió', 'hizo públicos', 'hizo pública', 'hizo público', 'colgó',
      'colgado', 'publica', 'comparte', 'expone',
    ],
    personal_data: [
      'dirección', 'domicilio', 'dirección de casa', 'número de teléfono', 'teléfono', 'móvil', 'mi número', 'su número', 'iban', 'cuenta bancaria',
      'número de cuenta', 'tarjeta de crédito', 'pasaporte', 'dni', 'documento de identidad', 'número de identificación', 'seguridad social',
      'carné de conducir', 'permiso de conducir', 'fecha de nacimiento', 'dirección ip', 'ip', 'nombre real', 'nombre completo', 'lugar de trabajo',
      'dónde trabajo', 'colegio', 'escuela', 'matrícula', 'placa', 'puerta de mi casa', 'mi casa', 'su casa', 'mi edificio', 'datos personales',
      'datos privados', 'información personal', 'información privada', 'ubicación', 'correo electrónico', 'correo personal', 'email', 'dónde vivo',
    ],
    own_data: [
      'mi propio', 'mi propia', 'yo publiqué', 'publiqué', 'por error', 'sin querer', 'accidentalmente', 'pegué', 'incluí', 'compartí', 'hace años',
      'actualizar mi', 'cambiar mi', 'me mudé', 'ups', 'añadí', 'oficial', 'puedes compartir', 'puedes dar', 'subí', 'puse',
    ],
    idiom: ['bajo la dirección', 'en dirección', 'dirección general', 'la dirección del club', 'la dirección de la empresa', 'nueva dirección de la'],
  },
};
