import { triage } from './triage.js';

const levelOf = (text: string, category: string): number => triage(text).categories.find((c) => c.category === category)?.level ?? 0;

describe('triage, Spanish: conjugated harm verbs, intent, norms and their false positives', () => {
  it.each<[string, string, number]>([
    ['threat', 'Asesinaré al bibliotecario cuando salga del edificio.', 2],
    ['threat', 'Os degollaremos a todos en la próxima reunión.', 2],
    ['threat', 'Tendremos que quemar la sede con el personal dentro.', 2],
    ['threat', 'Ataquemos a esos refugiados en cuanto lleguen.', 2],
    ['threat', 'Ojalá alguien apuñalara a ese administrador.', 1],
    ['threat', 'Alguien debería romperle el cuello a ese moderador.', 1],
    ['threat', 'Un usuario bloqueado dice que atacará la oficina el viernes.', 1],
    ['threat', 'No vamos a permitir que sigan atacando a los inmigrantes.', 0],
    ['threat', 'Eliminemos los duplicados de la lista antes del lunes.', 0],
    ['threat', 'El artículo viola las normas de estilo del proyecto.', 0],
    ['threat', 'Estamos matando el tiempo hasta que empiece la charla.', 0],
    ['threat', 'Un bot está atacando la página con enlaces basura toda la tarde.', 0],
    ['self_harm', 'Esta noche me voy a suicidar con las pastillas del cajón.', 2],
    ['self_harm', 'El sábado saltaré desde el puente, ya lo tengo decidido.', 2],
    ['self_harm', 'Me muero de risa con tus correcciones.', 0],
  ])('%s: %s → %i', (category, text, expected) => {
    expect(levelOf(text, category)).toBe(expected);
  });
});
