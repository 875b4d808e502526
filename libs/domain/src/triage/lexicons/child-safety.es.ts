import type { CategoryLexicon } from '../lexicon.js';

export const childSafetyEs: CategoryLexicon<'child_safety'> = {
  category: 'child_safety',
  language: 'es',
  boundaries: 'word',
  minorAge: ['(\\d{1,2}) anos', 'tiene (?:solo )?(\\d{1,2})\\b', 'edad de (\\d{1,2})\\b', 'menor de (\\d{1,2})\\b'],
  slots: {
    explicit: [
      'abuso sexual infantil', 'material de abuso sexual infantil', 'imágenes de abuso sexual infantil', 'pornografía infantil', 'abuso sexual de un niño',
      'abuso sexual de una niña', 'abuso sexual de menores', 'abuso sexual de un menor', 'abusando sexualmente de', 'explotación sexual infantil',
      'explotación sexual de menores', 'imágenes sexuales de menores', 'imágenes sexuales de un menor', 'desnudos de menores', 'fotos íntimas de un menor',
      'grooming a un menor', 'trata de menores', 'un niño siendo abusado', 'una niña siendo abusada', 'abuso sexual de un', 'abusa sexualmente', 'csam',
      'material de abuso infantil', 'imágenes de abuso infantil', 'abuso sexual a un', 'abuso sexual a menores', 'explotación infantil',
    ],
    minor: [
      'niño', 'niña', 'niños', 'niñas', 'menor', 'menores', 'mi hijo', 'mi hija', 'hijo', 'hija', 'adolescente', 'adolescentes', 'chico', 'chica',
      'niña pequeña', 'niño pequeño', 'alumno', 'alumna', 'alumnos', 'bebé', 'menor de edad', 'usuario joven', 'usuaria joven', 'sobrino', 'sobrina',
      'nieto', 'nieta', 'hijastro', 'hijastra', 'chaval', 'chavala', 'crío', 'cría', 'colaborador joven', 'colaboradora joven', 'una joven', 'un joven',
    ],
    adult: ['adulto', 'adultos', 'hombre adulto', 'hombre mayor', 'un adulto', 'desconocido', 'extraño', 'usuario adulto', 'editor adulto', 'un señor', 'un hombre', 'pederasta', 'pedófilo'],
    grooming: [
      'grooming', 'en secreto', 'un secreto', 'nuestro secreto', 'que no se lo diga', 'que no les cuente', 'no decirle a', 'no contárselo', 'no se lo cuente',
      'aplicación privada', 'otra aplicación', 'otra app', 'app privada', 'chat privado', 'regalos', 'madura para su edad', 'maduro para su edad',
      'en persona', 'quiere quedar', 'quiere verla', 'quiere verlo', 'le pide fotos', 'pidiendo fotos', 'enviar fotos', 'mandar fotos', 'webcam',
      'mensajes privados', 'en privado', 'mensajes sexuales', 'le escribe', 'novia', 'novio',
    ],
    sexual: [
      'desnudo', 'desnuda', 'desnudos', 'desnudas', 'imágenes íntimas', 'fotos íntimas', 'fotos privadas', 'fotos explícitas', 'imágenes explícitas',
      'sexual', 'sexuales', 'sexualmente', 'ropa interior', 'porno', 'pornográfico', 'sexo', 'fotos comprometidas', 'vídeos íntimos', 'imágenes privadas',
    ],
    coercion: [
      'chantaje', 'chantajear', 'chantajeando', 'chantajea', 'amenaza con compartir', 'amenaza con publicar', 'amenaza con enviar', 'amenazando con',
      'amenaza con', 'a menos que', 'si no envía', 'si no paga', 'si no manda', 'si no le', 'pague', 'dinero', 'enviar más', 'mande más', 'envíe más',
      'extorsión', 'extorsiona', 'sextorsión', 'exige dinero', 'pida dinero',
    ],
    danger: [
      'le pega', 'la pega', 'lo pega', 'le hace daño', 'la lastima', 'le lastima', 'siendo abusado', 'siendo abusada', 'abusado', 'abusada', 'maltratado',
      'maltratada', 'maltrato', 'abuso', 'abusos', 'en peligro', 'miedo de volver a casa', 'miedo de ir a casa', 'miedo a volver', 'encerrada', 'encerrado',
      'secuestrado', 'secuestrada', 'la toca', 'lo toca', 'le toca', 'tocamientos', 'peligro inmediato', 'lastimando', 'haciendo daño', 'golpea',
      'le hacen daño', 'le está haciendo daño', 'pegando', 'la maltrata', 'lo maltrata',
    ],
    exposure: [
      'su colegio', 'su escuela', 'nombre de su colegio', 'nombre completo', 'nombre real', 'su ciudad', 'su pueblo', 'su dirección', 'dónde vive',
      'contactarla', 'contactarlo', 'uniforme escolar', 'fotos de sí mismo', 'fotos de sí misma', 'datos personales', 'el colegio al que va',
    ],
    idiom: [
      'peluquería canina', 'grooming del backlog', 'grooming de perros', 'aseo de mascotas', 'apto para niños', 'línea de ayuda a la infancia',
      'ley de protección', 'derechos del niño', 'contenido para adultos', 'temas para adultos', 'abuso de poder', 'abuso de autoridad', 'proceso hijo',
      'dinero para', 'amigo invisible',
    ],
  },
};
